import { BaseServiceEnv, ConfigValidationError, loadConfig, Secret, ToInt } from '@exam/platform';
import { IsInt, IsString, Matches, Max, Min } from 'class-validator';

import { keyProblem } from '../provider/provider-keys';

const URL_PATTERN = /^https?:\/\/[^\s]+$/;

/** The payments service's settings; the only place it reads the environment. */
export class PaymentsEnv extends BaseServiceEnv {
  override HTTP_PORT = 3004;
  override DATABASE_NAME = 'exam_payments';

  /** How long a new order can be paid; past it the expiry job closes it and no callback can pay it. */
  @ToInt() @IsInt() @Min(60) @Max(7 * 86_400) PAYMENTS_ORDER_TTL_SECONDS = 1800;
  /** How often each replica expires unpaid orders past their time and resubmits due refunds (0 = off). */
  @ToInt() @IsInt() @Min(0) @Max(3600) PAYMENTS_JOB_INTERVAL_SECONDS = 30;
  /** Orders (and refunds) one job pass handles per transaction. */
  @ToInt() @IsInt() @Min(1) @Max(1000) PAYMENTS_JOB_BATCH_SIZE = 100;
  /** How often each replica asks the providers about orders and refunds whose callback never came (0 = off). */
  @ToInt() @IsInt() @Min(0) @Max(3600) PAYMENTS_RECONCILE_INTERVAL_SECONDS = 60;
  /** How long after checkout (or a refund taken for processing) the first query waits for the callback. */
  @ToInt() @IsInt() @Min(1) @Max(86_400) PAYMENTS_RECONCILE_AFTER_SECONDS = 120;
  /** Orders (and refunds) one reconciliation pass claims; each costs one provider query. */
  @ToInt() @IsInt() @Min(1) @Max(500) PAYMENTS_RECONCILE_BATCH_SIZE = 20;
  /** The hour (Beijing, 0-23) from which the job compares yesterday's provider statements (published by then). */
  @ToInt() @IsInt() @Min(0) @Max(23) PAYMENTS_STATEMENT_HOUR = 10;
  /** A provider callback signed longer ago than this is refused as a possible replay. */
  @ToInt() @IsInt() @Min(30) @Max(3600) PAYMENTS_CALLBACK_TOLERANCE_SECONDS = 300;
  /** How long one call to a provider may take before it counts as failed. */
  @ToInt() @IsInt() @Min(1) @Max(60) PAYMENTS_PROVIDER_TIMEOUT_SECONDS = 10;
  /** Where the providers reach this service (`<url>/api/payments/callbacks/…`), as they see it. */
  @Matches(URL_PATTERN, { message: 'PAYMENTS_NOTIFY_BASE_URL must be an http(s) URL' })
  PAYMENTS_NOTIFY_BASE_URL = 'http://127.0.0.1:3004';

  /** WeChat Pay API v3 (`https://api.mch.weixin.qq.com` in production; the simulator in development). */
  @Matches(URL_PATTERN, { message: 'WECHATPAY_BASE_URL must be an http(s) URL' })
  WECHATPAY_BASE_URL = 'http://127.0.0.1:3101';
  @Matches(/^\d{6,32}$/, { message: 'WECHATPAY_MCH_ID must be the merchant number (digits)' })
  WECHATPAY_MCH_ID = '1900000001';
  @Matches(/^[A-Za-z0-9_]{4,64}$/) WECHATPAY_APP_ID = 'wxd0000000000exam1';
  /** Serial number of the merchant API certificate, sent in the Authorization header. */
  @Matches(/^[A-Za-z0-9_-]{1,64}$/) WECHATPAY_MERCHANT_SERIAL = 'DEVMERCHANTSERIAL';
  /** The merchant API private key (PKCS#8 PEM); empty: WeChat Pay is not offered. */
  @Secret() @IsString() WECHATPAY_MERCHANT_PRIVATE_KEY = '';
  /** Serial and public key (SPKI PEM) of the WeChat Pay platform key that signs responses and callbacks. */
  @Matches(/^[A-Za-z0-9_-]{1,64}$/) WECHATPAY_PLATFORM_SERIAL = 'DEVPLATFORMSERIAL';
  @IsString() WECHATPAY_PLATFORM_PUBLIC_KEY = '';
  /** The APIv3 key (32 characters) that decrypts callback resources. */
  @Secret() @IsString() WECHATPAY_APIV3_KEY = '';

  /** Alipay's gateway (`https://openapi.alipay.com/gateway.do` in production; the simulator in development). */
  @Matches(URL_PATTERN, { message: 'ALIPAY_GATEWAY_URL must be an http(s) URL' })
  ALIPAY_GATEWAY_URL = 'http://127.0.0.1:3101/gateway.do';
  @Matches(/^\d{8,32}$/, { message: 'ALIPAY_APP_ID must be the application id (digits)' })
  ALIPAY_APP_ID = '2021000000000001';
  /** The application private key (PKCS#8 PEM) for RSA2 request signatures; empty: Alipay is not offered. */
  @Secret() @IsString() ALIPAY_APP_PRIVATE_KEY = '';
  /** Alipay's public key (SPKI PEM) that signs responses and notifications. */
  @IsString() ALIPAY_PUBLIC_KEY = '';
}

export function loadPaymentsEnv(
  env: Readonly<Record<string, string | undefined>> = process.env,
): PaymentsEnv {
  const config = loadConfig(PaymentsEnv, env);
  const problems = [
    keyProblem('WECHATPAY_MERCHANT_PRIVATE_KEY', config.WECHATPAY_MERCHANT_PRIVATE_KEY, 'private'),
    keyProblem('WECHATPAY_PLATFORM_PUBLIC_KEY', config.WECHATPAY_PLATFORM_PUBLIC_KEY, 'public'),
    keyProblem('ALIPAY_APP_PRIVATE_KEY', config.ALIPAY_APP_PRIVATE_KEY, 'private'),
    keyProblem('ALIPAY_PUBLIC_KEY', config.ALIPAY_PUBLIC_KEY, 'public'),
    config.WECHATPAY_APIV3_KEY !== '' && Buffer.byteLength(config.WECHATPAY_APIV3_KEY, 'utf8') !== 32
      ? 'WECHATPAY_APIV3_KEY: must be the 32-character APIv3 key from the WeChat Pay merchant platform'
      : undefined,
  ].filter((problem): problem is string => problem !== undefined);
  if (config.NODE_ENV === 'production') {
    for (const name of ['WECHATPAY_PLATFORM_PUBLIC_KEY', 'ALIPAY_PUBLIC_KEY'] as const)
      if (config[name] === '')
        problems.push(`${name}: required in production (the provider's public key, SPKI PEM)`);
  }
  if (problems.length > 0) throw new ConfigValidationError(problems);
  return config;
}
