import { Injectable } from '@nestjs/common';

import type { ProviderName } from '../order/order.entity';
import { AlipayProvider } from './alipay/alipay.provider';
import type { PaymentProvider } from './payment-provider';
import { WechatPayProvider } from './wechat/wechat-pay.provider';

/** The adapters behind the provider port, by name. */
@Injectable()
export class PaymentProviders {
  private readonly byName: ReadonlyMap<ProviderName, PaymentProvider>;

  constructor(wechat: WechatPayProvider, alipay: AlipayProvider) {
    this.byName = new Map<ProviderName, PaymentProvider>([
      ['wechat', wechat],
      ['alipay', alipay],
    ]);
  }

  get(name: ProviderName): PaymentProvider {
    const provider = this.byName.get(name);
    if (provider === undefined) throw new Error(`no adapter for provider ${name}`);
    return provider;
  }
}
