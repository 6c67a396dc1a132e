import { COMMON_PASSWORDS } from './common-passwords';
import { WeakPasswordError } from './credentials.errors';

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

/** What the password must not resemble: the user's own identifiers. */
export interface PasswordContext {
  readonly identifiers: readonly string[];
}

function compact(value: string): string {
  return value
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\-+().]/g, '');
}

/** Reasons a password is refused, each an instruction the user can act on; empty when it is acceptable. */
export function passwordProblems(password: string, context: PasswordContext): string[] {
  const problems: string[] = [];
  // Counted in code points, so one CJK character or emoji counts once.
  const length = Array.from(password).length;
  if (length < PASSWORD_MIN_LENGTH) problems.push(`use at least ${PASSWORD_MIN_LENGTH} characters`);
  if (length > PASSWORD_MAX_LENGTH) problems.push(`use at most ${PASSWORD_MAX_LENGTH} characters`);
  const folded = compact(password);
  if (COMMON_PASSWORDS.has(password.toLowerCase()) || COMMON_PASSWORDS.has(folded)) {
    problems.push(
      'this password is one of the most common ones and is tried first by attackers; choose another',
    );
  }
  for (const identifier of context.identifiers) {
    const id = compact(identifier);
    // Mainland numbers are also typed without +86; compare the national part too.
    const variants = [id, id.startsWith('86') && id.length === 13 ? id.slice(2) : id].filter(
      (v) => v.length >= 4,
    );
    if (variants.some((v) => folded.includes(v))) {
      problems.push('do not use your phone number, email or user name in your password');
      break;
    }
  }
  return problems;
}

export function assertAcceptablePassword(password: string, context: PasswordContext): void {
  const problems = passwordProblems(password, context);
  if (problems.length > 0) {
    throw new WeakPasswordError(problems);
  }
}
