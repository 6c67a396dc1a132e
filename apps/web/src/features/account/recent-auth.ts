import { ApiError } from '../../api/api-error';
import { api, type TokenResponse } from '../../api/http';
import { acceptTokenResponse } from '../../auth/auth-actions';

export const RECENT_AUTHENTICATION_REQUIRED = 'AUTH.RECENT_AUTHENTICATION_REQUIRED';

/** The server wants a fresher proof of identity than the token carries before it does this. */
export function needsRecentAuthentication(error: unknown): boolean {
  return error instanceof ApiError && error.code === RECENT_AUTHENTICATION_REQUIRED;
}

/** Confirms the password again; the new session's token carries a new sign-in time. */
export async function reauthenticate(password: string): Promise<void> {
  acceptTokenResponse(await api<TokenResponse>('/accounts/auth/reauthenticate', { body: { password } }));
}

/**
 * Runs `work`; when the server answers that the sign-in is too old, confirms the password the person has just
 * typed into the same form (no second prompt) and runs `work` once more.
 */
export async function withRecentAuthentication<T>(
  password: string,
  work: () => Promise<T>,
  confirm: (password: string) => Promise<void> = reauthenticate,
): Promise<T> {
  try {
    return await work();
  } catch (error: unknown) {
    if (!needsRecentAuthentication(error)) throw error;
    await confirm(password);
    return work();
  }
}
