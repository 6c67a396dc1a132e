import { retryOnDeadlock } from '@exam/platform';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { FaceSignInRefusedError } from '../auth/face/face.errors';
import { FaceCheckRedeemer } from '../auth/face/face-check.redeemer';
import type { IssuedFaceTicket } from '../auth/face/face-ticket.issuer';
import { FaceTicketsService } from '../auth/face/face-tickets.service';
import { UsersRepository } from '../users/users.repository';
import { CodeRejectedError } from '../verification/verification.errors';
import { VerificationCodesService } from '../verification/verification-codes.service';
import { PasswordsService } from './passwords.service';

/**
 * Password recovery by face, with a second factor: the face-check token (purpose password_recovery, taken with
 * our ticket) proves the face, and the password-reset code sent to the proven phone or email when the ticket
 * was asked for proves the contact. A face alone never resets a password. The new password must meet the
 * policy; every session ends, as with a reset by code.
 */
@Injectable()
export class FacePasswordResetService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly faceChecks: FaceCheckRedeemer,
    private readonly tickets: FaceTicketsService,
    private readonly codes: VerificationCodesService,
    private readonly passwords: PasswordsService,
  ) {}

  /** The face ticket, and the reset code to the account's proven contact (nothing is sent for an unknown login). */
  async start(login: string, ip: string): Promise<IssuedFaceTicket> {
    await this.passwords.requestReset(login, ip);
    return this.tickets.ticketFor(login, 'password_recovery');
  }

  async reset(faceCheckToken: string, code: string, newPassword: string): Promise<void> {
    const claims = this.faceChecks.verify(faceCheckToken, { purpose: 'password_recovery' });
    const user = await this.users.findById(claims.sub);
    if (user?.status !== 'active' || user.reviewLockedAt !== null) throw new FaceSignInRefusedError();
    if (!(await this.codes.matchesCommitted(user.id, 'password_reset', code))) throw new CodeRejectedError();
    const passwordHash = await this.passwords.acceptableHash(user, newPassword);
    await retryOnDeadlock(() =>
      this.dataSource.transaction(async (manager) => {
        await this.faceChecks.redeem(manager, claims);
        if ((await this.codes.consume(manager, user.id, 'password_reset', code)) !== 'ok')
          throw new CodeRejectedError();
        await this.passwords.store(manager, user.id, passwordHash, 'reset_by_face');
      }),
    );
  }
}
