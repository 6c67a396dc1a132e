import { loadConfig, LOG_LEVELS, type LogLevel, NODE_ENVS, type NodeEnv, Secret } from '@exam/platform';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsString, Matches, Max, Min } from 'class-validator';

const toNumber = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? Number(value) : value;

/** The simulator's settings; the only place it reads the environment. */
export class PaySimEnv {
  @IsIn(NODE_ENVS) NODE_ENV: NodeEnv = 'development';
  @Transform(toNumber) @IsInt() @Min(0) @Max(65535) HTTP_PORT = 3101;
  @IsIn(LOG_LEVELS) LOG_LEVEL: LogLevel = 'info';
  /** How buyers reach the simulator's pay pages (the QR codes and pay URLs point here). */
  @Matches(/^https?:\/\/[^\s]+$/) PAYSIM_PUBLIC_URL = 'http://127.0.0.1:3101';
  /** Requests signed further from the simulator's clock than this are refused. */
  @Transform(toNumber) @IsInt() @Min(5) @Max(3600) PAYSIM_SIGNATURE_TOLERANCE_SECONDS = 300;

  /** The one WeChat Pay merchant it serves, and the merchant key it verifies requests with (SPKI PEM). */
  @Matches(/^\d{6,32}$/) WECHATPAY_MCH_ID = '1900000001';
  @Matches(/^[A-Za-z0-9_]{4,64}$/) WECHATPAY_APP_ID = 'wxd0000000000exam1';
  @Matches(/^[A-Za-z0-9_-]{1,64}$/) WECHATPAY_MERCHANT_SERIAL = 'DEVMERCHANTSERIAL';
  @IsString() WECHATPAY_MERCHANT_PUBLIC_KEY = '';
  /** Its platform key (PKCS#8 PEM) that signs answers and callbacks; empty: generated at start. */
  @Matches(/^[A-Za-z0-9_-]{1,64}$/) WECHATPAY_PLATFORM_SERIAL = 'DEVPLATFORMSERIAL';
  @Secret() @IsString() WECHATPAY_PLATFORM_PRIVATE_KEY = '';
  /** The merchant's APIv3 key (32 characters) that encrypts callback resources. */
  @Secret() @IsString() WECHATPAY_APIV3_KEY = '';

  /** The one Alipay application it serves, and the application key it verifies requests with (SPKI PEM). */
  @Matches(/^\d{8,32}$/) ALIPAY_APP_ID = '2021000000000001';
  @IsString() ALIPAY_APP_PUBLIC_KEY = '';
  /** Alipay's key (PKCS#8 PEM) that signs answers and notifications; empty: generated at start. */
  @Secret() @IsString() ALIPAY_PRIVATE_KEY = '';
}

export function loadPaySimEnv(env: Readonly<Record<string, string | undefined>> = process.env): PaySimEnv {
  return loadConfig(PaySimEnv, env);
}
