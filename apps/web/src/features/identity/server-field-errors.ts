import { ApiError, fieldErrorsOf } from '../../api/api-error';
import { idNumberRuleOfCode } from './id-number-rules';
import { nameRuleOfCode } from './person-name-rules';

export interface FieldMessage {
  /** The field as the service names it: `idNumber`, `guardian.idNumber`. */
  field: string;
  /** An i18n key of the identity namespace, with its values. */
  key: string;
  values?: Record<string, string | number>;
}

/**
 * The fields a refused verification names, with the sentence for each: the ID number and name rules by
 * their codes (the same sentences as the form's own checks), other REQUEST.INVALID details by field.
 */
export function fieldMessagesOf(error: unknown): FieldMessage[] {
  if (!(error instanceof ApiError)) return [];
  const fields = fieldErrorsOf(error);
  const idRule = idNumberRuleOfCode(error.code);
  const nameRule = nameRuleOfCode(error.code);
  return Object.keys(fields).map((field) => {
    if (idRule) return { field, key: `form.idRules.${idRule}` };
    if (nameRule) return { field, key: `form.nameRules.${nameRule}` };
    if (error.code === 'IDENTITY.VALIDITY_PERIOD') return { field, key: 'form.validityInvalid' };
    return { field, key: 'form.fieldInvalid' };
  });
}
