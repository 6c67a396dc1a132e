import type { ApiError } from '../api/api-error';
import { tokenStore } from './token-store';

export const POLICY_ACCEPTANCE_REQUIRED = 'AUTH.POLICY_ACCEPTANCE_REQUIRED';

/**
 * The policy version a refusal asks the person to accept (`details: [{ field: 'policyVersion', reason }]`,
 * ADR 0015), or null when the refusal is about something else.
 */
export function versionToAccept(error: Pick<ApiError, 'code' | 'details'>): string | null {
  if (error.code !== POLICY_ACCEPTANCE_REQUIRED) return null;
  const entry = Array.isArray(error.details)
    ? (error.details as unknown[]).find(
        (d): d is { field: string; reason: string } =>
          typeof d === 'object' &&
          d !== null &&
          (d as { field?: unknown }).field === 'policyVersion' &&
          typeof (d as { reason?: unknown }).reason === 'string',
      )
    : undefined;
  // The version is only a hint: the acceptance page reads the policy in force when none is named.
  return entry?.reason ?? 'current';
}

/**
 * A policy published while the person is signed in reaches their token only at its next refresh; a service
 * that already refuses says so first. Marking the session sends the person to the acceptance page at once.
 */
export function notePolicyRefusal(error: Pick<ApiError, 'code' | 'details'>): void {
  const version = versionToAccept(error);
  const session = tokenStore.get();
  if (version === null || session === null || session.policyAcceptanceRequired) return;
  tokenStore.set({ ...session, policyAcceptanceRequired: version });
}
