import { BaseServiceEnv, loadConfig } from '@exam/platform';

/** The payments service's settings; the only place it reads the environment. */
export class PaymentsEnv extends BaseServiceEnv {
  override HTTP_PORT = 3004;
  override DATABASE_NAME = 'exam_payments';
}

export function loadPaymentsEnv(
  env: Readonly<Record<string, string | undefined>> = process.env,
): PaymentsEnv {
  return loadConfig(PaymentsEnv, env);
}
