/**
 * The exam service explains a refused form answer in English (`{ field: 'answers.<key>', reason }`); these
 * turn the known reasons into message keys of this feature, so the person reads them in their language.
 */
export interface FieldMessage {
  /** A key under `register.fieldErrors` of the exams namespace. */
  key: 'required' | 'tooLong' | 'notAnOption' | 'notADate' | 'notAPhoto' | 'unknownField' | 'other';
  params?: Record<string, string | number>;
}

export function formFieldKey(field: string): string | null {
  const match = /^answers\.([a-z][a-z0-9_]{0,31})$/.exec(field);
  return match?.[1] ?? null;
}

export function fieldMessageOf(reason: string): FieldMessage {
  const tooLong = /must be at most (\d+) characters/.exec(reason);
  if (tooLong) return { key: 'tooLong', params: { max: Number(tooLong[1]) } };
  if (/is required$/.test(reason)) return { key: 'required' };
  if (reason.startsWith('must be one of')) return { key: 'notAnOption' };
  if (reason.startsWith('must be a date')) return { key: 'notADate' };
  if (reason.startsWith('must be an https link or a data:image')) return { key: 'notAPhoto' };
  if (reason.startsWith('is not a field')) return { key: 'unknownField' };
  return { key: 'other' };
}

/** `{ field: reason }` of a refusal as `{ formKey: message }`, dropping fields the form does not have. */
export function formFieldErrors(
  errors: Readonly<Record<string, string>>,
  formKeys: readonly string[],
): Record<string, FieldMessage> {
  const out: Record<string, FieldMessage> = {};
  for (const [field, reason] of Object.entries(errors)) {
    const key = formFieldKey(field);
    if (key !== null && formKeys.includes(key)) out[key] = fieldMessageOf(reason);
  }
  return out;
}
