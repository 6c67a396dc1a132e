import { createHash, createHmac, createPrivateKey } from 'node:crypto';

import { type FaceTicketPurpose, type FaceTicketSigningKey, signFaceTicket } from '@exam/platform';
import { Injectable } from '@nestjs/common';

import { AccountsEnv } from '../../config/accounts.env';
import { canonicalLogin } from '../../users/contact';

export interface IssuedFaceTicket {
  readonly ticket: string;
  readonly ref: string;
  readonly expiresInSeconds: number;
}

/**
 * Signs face tickets with the access-token key (other audience). For a login that matches no active account,
 * the ticket names a stable pseudonymous account id derived from the login, so asking twice looks the same
 * as for a real account and the ticket does not tell whether the account exists.
 */
@Injectable()
export class FaceTicketIssuer {
  private readonly key: FaceTicketSigningKey;
  private readonly pseudonymKey: Buffer;

  constructor(private readonly env: AccountsEnv) {
    const privateKey = createPrivateKey(env.JWT_PRIVATE_KEY);
    this.key = { keyId: env.JWT_KEY_ID, privateKey, subjectKey: env.FACE_TICKET_SUBJECT_KEY };
    this.pseudonymKey = createHash('sha256')
      .update('exam-platform face-ticket pseudonyms v1')
      .update(privateKey.export({ type: 'pkcs8', format: 'der' }))
      .digest();
  }

  issue(userId: string, purpose: FaceTicketPurpose, ref?: string): IssuedFaceTicket {
    const { ticket, claims } = signFaceTicket(
      this.key,
      { userId, purpose, ...(ref === undefined ? {} : { ref }) },
      this.env.FACE_TICKET_TTL_SECONDS,
    );
    return { ticket, ref: claims.ref, expiresInSeconds: this.env.FACE_TICKET_TTL_SECONDS };
  }

  /**
   * A UUID-shaped id no account has, the same for every way of writing the same login (as a real account's id
   * would be), so asking with "139…" and "+86 139…" cannot tell a real account from a missing one.
   */
  pseudonymFor(login: string): string {
    const hex = createHmac('sha256', this.pseudonymKey).update(canonicalLogin(login)).digest('hex');
    const variant = ((parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }
}
