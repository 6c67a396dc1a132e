export const SENSITIVE_KINDS = ['idNumber', 'phone', 'email', 'name', 'bankCard', 'address', 'ip'] as const;

export type SensitiveKind = (typeof SENSITIVE_KINDS)[number];
