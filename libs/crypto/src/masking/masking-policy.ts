import { maskAddress, maskBankCard, maskEmail, maskIdNumber, maskIp, maskName, maskPhone } from './mask';
import { SensitiveKind } from './sensitive-kind';

export interface MaskingRule {
  readonly rule: string;
  readonly example: readonly [input: string, masked: string];
  readonly mask: (value: string) => string;
}

/** The server-side masking table; the README renders the same rows. Masks are irreversible and idempotent. */
export const MASKING_POLICY: Readonly<Record<SensitiveKind, MaskingRule>> = {
  idNumber: {
    rule: 'first 1 and last 1 characters, length kept; under 6 characters all stars',
    example: ['11010519491231002X', '1****************X'],
    mask: maskIdNumber,
  },
  phone: {
    rule: 'first 3 and last 4 (+86 kept); under 11 characters last 2 only; under 7 all stars',
    example: ['13812345678', '138****5678'],
    mask: maskPhone,
  },
  email: {
    rule: 'first character of the local part, fixed ***, domain',
    example: ['zhangsan@example.com', 'z***@example.com'],
    mask: maskEmail,
  },
  name: {
    rule: 'last character only, length kept (· and spaces starred); one character becomes *',
    example: ['张小明', '**明'],
    mask: maskName,
  },
  bankCard: {
    rule: 'last 4 digits in a fixed 16-digit layout; under 12 digits nothing',
    example: ['6222021234567890123', '**** **** **** 0123'],
    mask: maskBankCard,
  },
  address: {
    rule: 'province and city only; unparseable addresses become ****',
    example: ['广东省深圳市南山区科技园路1号', '广东省深圳市'],
    mask: maskAddress,
  },
  ip: {
    rule: 'IPv4 /24, IPv6 /48; anything else ***',
    example: ['203.0.113.54', '203.0.113.*'],
    mask: maskIp,
  },
};

export function maskValue(kind: SensitiveKind, value: string): string {
  return MASKING_POLICY[kind].mask(value);
}
