import type { FieldProtection } from '@exam/crypto';
import { FIELD_PROTECTION } from '@exam/platform';
import { Inject, Injectable } from '@nestjs/common';

/**
 * Per-exam pseudonyms of candidates for statistics and exports: a keyed HMAC (the service's blind-index
 * key) of the user id in a domain of the exam, so the same candidate has unrelated pseudonyms in two exams
 * and nobody without the key can link a pseudonym back to an account.
 */
@Injectable()
export class CandidatePseudonyms {
  constructor(@Inject(FIELD_PROTECTION) private readonly protection: FieldProtection) {}

  of(examId: string, userId: string): string {
    const digest = this.protection.blindIndex.compute(userId, {
      kind: 'text',
      domain: `exam/pseudonym/${examId}`,
    });
    return `C-${digest.slice(0, 10).toUpperCase()}`;
  }
}
