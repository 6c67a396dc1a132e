import { DomainError } from '@exam/platform';

/** Stable codes of the GB 11643-1999 rules a resident ID number can break; one per rule. */
export const ID_NUMBER_RULES = {
  length: 'IDENTITY.ID_NUMBER_LENGTH',
  format: 'IDENTITY.ID_NUMBER_FORMAT',
  province: 'IDENTITY.ID_NUMBER_PROVINCE',
  birthDate: 'IDENTITY.ID_NUMBER_BIRTH_DATE',
  checksum: 'IDENTITY.ID_NUMBER_CHECKSUM',
  legacy: 'IDENTITY.ID_NUMBER_LEGACY',
} as const;
export type IdNumberRule = keyof typeof ID_NUMBER_RULES;
export type IdNumberRuleCode = (typeof ID_NUMBER_RULES)[IdNumberRule];

/** Codes of the person-name rules. */
export const NAME_RULES = {
  empty: 'IDENTITY.NAME_EMPTY',
  length: 'IDENTITY.NAME_LENGTH',
  characters: 'IDENTITY.NAME_CHARACTERS',
  mixedScripts: 'IDENTITY.NAME_MIXED_SCRIPTS',
  separator: 'IDENTITY.NAME_SEPARATOR',
} as const;
export type NameRule = keyof typeof NAME_RULES;
export type NameRuleCode = (typeof NAME_RULES)[NameRule];

export interface RuleViolation<C extends string> {
  readonly code: C;
  /** Human-readable, actionable, and never echoing the full input back. */
  readonly message: string;
}

/** A 400 naming the field and the GB 11643 rule it failed. */
export class InvalidIdNumberError extends DomainError {
  constructor(field: string, violation: RuleViolation<IdNumberRuleCode>) {
    super(violation.code, 'invalid', violation.message, [{ field, reason: violation.message }]);
  }
}

export class InvalidPersonNameError extends DomainError {
  constructor(field: string, violation: RuleViolation<NameRuleCode>) {
    super(violation.code, 'invalid', violation.message, [{ field, reason: violation.message }]);
  }
}
