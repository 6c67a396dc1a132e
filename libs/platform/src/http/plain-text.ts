import { registerDecorator, type ValidationOptions } from 'class-validator';

/** C0 controls (NUL, tab, line breaks, ESC, …), DEL and the C1 controls. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point of this pattern
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/u;
/** Bidirectional embeddings, overrides, isolates and marks: they reorder how the text around them is shown. */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
/** Invisible characters with no use in a name or title (zero-width space, word joiner, byte-order mark). */
const INVISIBLE = /[\u200b\u2060\ufeff]/u;
/** What does not show: white space of any script plus the joiners and soft hyphen. */
const BLANK = /[\s\u00ad\u180e\u200b-\u200d\u2060\ufeff]/gu;

/**
 * Why a single-line text meant for people (a name, nickname or title) is refused, or null when it is fine.
 * Such text is shown to staff and other users, so it must not carry control characters, must not reorder
 * its neighbours (a right-to-left override can make "exe.txt" read "txt.exe") and must show something.
 */
export function plainTextProblem(value: string): string | null {
  if (CONTROL.test(value)) return 'must not contain control characters (such as NUL, tab or line breaks)';
  if (BIDI.test(value))
    return 'must not contain bidirectional control characters (they change how the text around them reads)';
  if (INVISIBLE.test(value)) return 'must not contain invisible characters such as zero-width spaces';
  if (value.replace(BLANK, '') === '') return 'must contain visible characters, not only spaces';
  return null;
}

/** Refuses names, nicknames and titles that carry control, bidirectional or only invisible characters. */
export function IsPlainText(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol): void => {
    registerDecorator({
      name: 'isPlainText',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown): boolean => typeof value === 'string' && plainTextProblem(value) === null,
        defaultMessage: (args): string => {
          const value: unknown = args?.value;
          const problem = typeof value === 'string' ? plainTextProblem(value) : 'must be text';
          return `${args?.property ?? 'this field'} ${problem ?? 'is not plain text'}`;
        },
      },
    });
  };
}
