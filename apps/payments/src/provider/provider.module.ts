import { Module } from '@nestjs/common';

import { AlipayProvider } from './alipay/alipay.provider';
import { PaymentProviders } from './payment-providers';
import { WechatPayProvider } from './wechat/wechat-pay.provider';

@Module({
  providers: [WechatPayProvider, AlipayProvider, PaymentProviders],
  exports: [PaymentProviders],
})
export class ProviderModule {}
