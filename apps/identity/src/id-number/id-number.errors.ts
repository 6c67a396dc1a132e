import { DomainError, type ErrorCode } from '@exam/platform';

import { IdentityErrorCode } from '../identity.errors';

/** The GB 11643-1999 rules a resident ID number can break, each with its stable code. */
export const ID_NUMBER_RULES = {
  length: IdentityErrorCode.ID_NUMBER_LENGTH,
  format: IdentityErrorCode.ID_NUMBER_FORMAT,
  province: IdentityErrorCode.ID_NUMBER_PROVINCE,
  birthDate: IdentityErrorCode.ID_NUMBER_BIRTH_DATE,
  checksum: IdentityErrorCode.ID_NUMBER_CHECKSUM,
  legacy: IdentityErrorCode.ID_NUMBER_LEGACY,
} as const;
export type IdNumberRule = keyof typeof ID_NUMBER_RULES;
export type IdNumberRuleCode = (typeof ID_NUMBER_RULES)[IdNumberRule];

/** The person-name rules, each with its stable code. */
export const NAME_RULES = {
  empty: IdentityErrorCode.NAME_EMPTY,
  length: IdentityErrorCode.NAME_LENGTH,
  characters: IdentityErrorCode.NAME_CHARACTERS,
  mixedScripts: IdentityErrorCode.NAME_MIXED_SCRIPTS,
  separator: IdentityErrorCode.NAME_SEPARATOR,
} as const;
export type NameRule = keyof typeof NAME_RULES;
export type NameRuleCode = (typeof NAME_RULES)[NameRule];

export interface RuleViolation<C extends ErrorCode> {
  readonly code: C;
  /** Human-readable, actionable, and never echoing the full input back. */
  readonly message: string;
}

/** A 400 naming the field and the GB 11643 rule it failed. */
export class InvalidIdNumberError extends DomainError {
  constructor(field: string, violation: RuleViolation<IdNumberRuleCode>) {
    super(violation.code, violation.message, [{ field, reason: violation.message }]);
  }
}

export class InvalidPersonNameError extends DomainError {
  constructor(field: string, violation: RuleViolation<NameRuleCode>) {
    super(violation.code, violation.message, [{ field, reason: violation.message }]);
  }
}
