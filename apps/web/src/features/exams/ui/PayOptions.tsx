import { useQueryClient } from '@tanstack/react-query';
import { Button, QRCode, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ApiError } from '../../../api/api-error';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { paymentsApi } from '../api/exams-api';
import { examKeys } from '../api/query-keys';
import type { Checkout, Order } from '../api/types';
import { navigableUrl } from '../logic/pay-target';

/**
 * The two ways to pay: Alipay's pay page (a full navigation to the provider, since the page's CSP allows no
 * cross-site form posts), or a WeChat Pay QR code to scan with the phone. The result is read back from the
 * payments service, whatever the provider's page says.
 */
export function PayOptions({ order }: { order: Order }) {
  const { t } = useTranslation('exams');
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState<'alipay' | 'wechat' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [qr, setQr] = useState<Checkout | null>(null);

  const fail = async (caught: unknown) => {
    setError(caught);
    if (
      caught instanceof ApiError &&
      (caught.code === 'ORDER.EXPIRED' || caught.code === 'ORDER.NOT_PAYABLE')
    )
      await queryClient.invalidateQueries({ queryKey: examKeys.orders });
  };

  const payWithAlipay = async () => {
    setBusy('alipay');
    setError(null);
    try {
      const checkout = await paymentsApi.checkout(order.orderId, 'alipay', 'page');
      const target = navigableUrl(checkout.payUrl);
      if (target === null) throw new ApiError(502, 'ORDER.PROVIDER_UNAVAILABLE', 'no pay page');
      window.location.assign(target);
    } catch (caught: unknown) {
      await fail(caught);
      setBusy(null);
    }
  };

  const payWithWechat = async () => {
    setBusy('wechat');
    setError(null);
    try {
      setQr(await paymentsApi.checkout(order.orderId, 'wechat', 'native'));
    } catch (caught: unknown) {
      await fail(caught);
    } finally {
      setBusy(null);
    }
  };

  const qrLink = qr ? navigableUrl(qr.codeUrl) : null;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph style={{ marginBottom: 0 }}>{t('payment.choose')}</Typography.Paragraph>
      <Space wrap>
        <Button type="primary" loading={busy === 'alipay'} onClick={() => void payWithAlipay()}>
          {t('payment.alipay')}
        </Button>
        <Button loading={busy === 'wechat'} onClick={() => void payWithWechat()}>
          {t('payment.wechat')}
        </Button>
      </Space>
      <ErrorAlert error={error} namespace="exams" />
      {qr?.codeUrl ? (
        <section aria-labelledby="wechat-qr-heading" className="pay-qr">
          <h2 id="wechat-qr-heading" className="card-heading">
            {t('payment.scanTitle')}
          </h2>
          <QRCode value={qr.codeUrl} size={180} aria-hidden />
          <Typography.Paragraph>{t('payment.scanHint')}</Typography.Paragraph>
          {qrLink ? <a href={qrLink}>{t('payment.openOnThisDevice')}</a> : null}
        </section>
      ) : null}
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t('payment.afterPaying')}
      </Typography.Paragraph>
    </Space>
  );
}
