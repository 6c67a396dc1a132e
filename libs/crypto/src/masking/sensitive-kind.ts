export const SENSITIVE_KINDS = ['idNumber', 'phone', 'email', 'name', 'bankCard', 'address', 'ip'] as const;

export type SensitiveKind = (typeof SENSITIVE_KINDS)[number];

export function isSensitiveKind(value: unknown): value is SensitiveKind {
  return typeof value === 'string' && (SENSITIVE_KINDS as readonly string[]).includes(value);
}
