/** One successful (or otherwise reported) payment on a provider's daily statement, in the platform's terms. */
export interface StatementPayment {
  readonly providerTradeNo: string;
  readonly outTradeNo: string;
  readonly amountFen: number;
  /** `success`, or the provider's own word for anything else (e.g. WeChat's REVOKED). */
  readonly status: string;
  readonly at: Date;
}

export interface StatementRefund {
  readonly outRefundNo: string;
  readonly providerRefundId: string;
  readonly outTradeNo: string;
  readonly providerTradeNo: string;
  readonly amountFen: number;
  /** `success`, `processing`, `failed`, or the provider's own word. */
  readonly status: string;
  readonly at: Date;
}

/** A provider's statement of one merchant day (Asia/Shanghai), downloaded and verified. */
export interface ProviderStatement {
  readonly date: string;
  readonly payments: readonly StatementPayment[];
  readonly refunds: readonly StatementRefund[];
}

/** The largest statement file read (a day of this platform's trades is far smaller); more is refused. */
export const MAX_STATEMENT_BYTES = 64 * 1024 * 1024;

/** A statement file that cannot be read as the provider's published format. */
export class StatementFormatError extends Error {}

/**
 * An amount in yuan as the statements write it ("12.34", "-0.50", "12", "1,234.50"), as integer fen, without
 * floating point. More than two decimals are refused unless they are zeros (fees are written to 5 places).
 */
export function billYuanToFen(text: string): number | undefined {
  const match = /^(-)?(\d{1,3}(?:,\d{3})+|\d{1,10})(?:\.(\d{1,5}))?$/.exec(text.trim());
  if (match === null) return undefined;
  const [, minus, whole = '', decimals = ''] = match;
  if (/[1-9]/.test(decimals.slice(2))) return undefined;
  const fen = Number(whole.replaceAll(',', '')) * 100 + Number(decimals.slice(0, 2).padEnd(2, '0'));
  if (!Number.isSafeInteger(fen)) return undefined;
  return minus === '-' ? -fen : fen;
}

/** A `yyyy-MM-dd HH:mm:ss` time in Beijing (UTC+8, no daylight saving). */
export function beijingStatementTime(text: string): Date | undefined {
  const trimmed = text.trim();
  if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(trimmed)) return undefined;
  const at = Date.parse(`${trimmed.replace(' ', 'T')}+08:00`);
  return Number.isNaN(at) ? undefined : new Date(at);
}
