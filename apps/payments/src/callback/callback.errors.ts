import { defineErrorCodes, DomainError } from '@exam/platform';

export const CallbackErrorCode = defineErrorCodes('CALLBACK', {
  SIGNATURE_INVALID: {
    kind: 'unauthenticated',
    meaning: 'The callback is not signed by the payment provider (or names a key we do not hold).',
    action: 'Providers only: sign with the platform key whose serial payments is configured with.',
  },
  STALE: {
    kind: 'unauthenticated',
    meaning: 'The callback was signed too long ago (or in the future): it may be a replay.',
    action: 'Providers only: deliver with a fresh timestamp and signature.',
  },
  MALFORMED: {
    kind: 'invalid',
    meaning: 'The callback is signed but its content cannot be read (decryption, fields, merchant).',
    action: 'Providers only: send the resource encrypted with this merchant’s APIv3 key, as documented.',
  },
  MISMATCH: {
    kind: 'unprocessable',
    meaning: 'The callback’s amount or currency differs from the order’s; it was recorded, not applied.',
    action: 'Staff: reconcile this payment with the provider.',
  },
});

export class CallbackRefusedError extends DomainError {
  constructor(outcome: string, detail: string) {
    super(
      outcome === 'bad_signature'
        ? CallbackErrorCode.SIGNATURE_INVALID
        : outcome === 'stale'
          ? CallbackErrorCode.STALE
          : outcome === 'mismatch'
            ? CallbackErrorCode.MISMATCH
            : CallbackErrorCode.MALFORMED,
      `Callback refused: ${detail}`,
    );
  }
}
