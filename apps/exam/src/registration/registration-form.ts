import type { ErrorDetail } from '@exam/platform';

import type { FormField } from '../exam/exam-settings';

const DEFAULT_MAX_LENGTH = 500;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const PHOTO = /^(https:\/\/\S+|data:image\/(png|jpeg);base64,[A-Za-z0-9+/=]+)$/;

/** Checks answers against an exam's registration form; returns the answers to store or every problem. Pure. */
export function checkFormAnswers(
  form: readonly FormField[],
  answers: readonly { key: string; value: string }[],
): { values: Record<string, string>; errors: ErrorDetail[] } {
  const errors: ErrorDetail[] = [];
  const values: Record<string, string> = {};
  const fields = new Map(form.map((f) => [f.key, f]));
  for (const { key, value } of answers) {
    const field = fields.get(key);
    if (field === undefined) {
      errors.push({ field: `answers.${key}`, reason: 'is not a field of this exam’s form' });
      continue;
    }
    if (key in values) {
      errors.push({ field: `answers.${key}`, reason: 'is answered twice' });
      continue;
    }
    const text = value.trim();
    const max = field.maxLength ?? (field.kind === 'photo' ? 2000 : DEFAULT_MAX_LENGTH);
    if (text.length > max)
      errors.push({ field: `answers.${key}`, reason: `must be at most ${max} characters` });
    else if (text.length > 0 && field.kind === 'select' && !(field.options ?? []).includes(text))
      errors.push({ field: `answers.${key}`, reason: `must be one of: ${(field.options ?? []).join(', ')}` });
    else if (text.length > 0 && field.kind === 'date' && !DATE.test(text))
      errors.push({ field: `answers.${key}`, reason: 'must be a date YYYY-MM-DD' });
    else if (text.length > 0 && field.kind === 'photo' && !PHOTO.test(text))
      errors.push({
        field: `answers.${key}`,
        reason: 'must be an https link or a data:image (png/jpeg) URL',
      });
    else values[key] = text;
  }
  for (const field of form)
    if (
      field.required &&
      !(values[field.key] ?? '').length &&
      !errors.some((e) => e.field === `answers.${field.key}`)
    )
      errors.push({ field: `answers.${field.key}`, reason: `“${field.label}” is required` });
  return { values, errors };
}

/** Form answers as shown outside the audited reveal: the first character, the rest hidden. */
export function maskAnswer(value: string): string {
  const chars = Array.from(value);
  if (chars.length <= 1) return '*';
  return `${chars[0] ?? ''}${'*'.repeat(Math.min(chars.length - 1, 6))}`;
}
