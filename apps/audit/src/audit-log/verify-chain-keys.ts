import { ChainKeyRing } from './chain-key-ring';

/** Exit codes of the verify-chain command. */
export const VERIFY_EXIT = { INTACT: 0, TAMPERED: 1, COULD_NOT_RUN: 2, KEY_PROBLEM: 3 } as const;

export interface VerificationKeySettings {
  readonly AUDIT_CHAIN_KEYS: string;
  readonly AUDIT_SIGNING_KEY: string;
  readonly AUDIT_VERIFY_KEYS: string;
}

/**
 * What keeps the command from verifying anything, in words an operator can act on; null when the keys
 * are there. Without them every stream would look tampered with (a random key matches nothing), so the
 * command refuses to run instead.
 */
export function missingVerificationKeys(env: VerificationKeySettings): string | null {
  const problems: string[] = [];
  if (env.AUDIT_CHAIN_KEYS.trim() === '')
    problems.push('AUDIT_CHAIN_KEYS is not set (the HMAC keys the audit service writes the chain with)');
  else {
    try {
      ChainKeyRing.parse(env.AUDIT_CHAIN_KEYS);
    } catch (error: unknown) {
      problems.push(error instanceof Error ? error.message : String(error));
    }
  }
  if (env.AUDIT_SIGNING_KEY.trim() === '' && env.AUDIT_VERIFY_KEYS.trim() === '')
    problems.push(
      'neither AUDIT_SIGNING_KEY nor AUDIT_VERIFY_KEYS is set (the keys the checkpoints are signed with)',
    );
  if (problems.length === 0) return null;
  return `cannot verify the audit chain: ${problems.join('; ')}. Use the audit service's values (locally: source .local/dev.env), then run again.`;
}
