import type { CodeChannel } from './verification-code.entity';

export interface CodeDestination {
  readonly channel: CodeChannel;
  readonly to: string;
}

/** Where a user's codes go: the proven phone by SMS, else the proven email (every account has one of them). */
export function codeDestinationOf(user: {
  readonly phone: string | null;
  readonly email: string | null;
}): CodeDestination {
  return user.phone === null
    ? { channel: 'email', to: user.email ?? '' }
    : { channel: 'sms', to: user.phone };
}

/** The text of a one-time code message: what it is for, the code, its lifetime, and what to do if unexpected. */
export function codeMessageText(purpose: string, code: string, ttlSeconds: number): string {
  return `${purpose} is ${code}. It expires in ${Math.round(ttlSeconds / 60)} minutes. If you did not ask for it, ignore this message.`;
}
