import { retryOnDeadlock } from '@exam/platform';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { FaceSignInRefusedError } from '../auth/face/face.errors';
import { FaceCheckRedeemer } from '../auth/face/face-check.redeemer';
import { UsersRepository } from '../users/users.repository';
import { PasswordsService } from './passwords.service';

/**
 * Password recovery by face: the face-check token (purpose password_recovery, taken with our ticket) proves
 * the account holder; the new password must meet the policy; every session ends, as with a reset by code.
 */
@Injectable()
export class FacePasswordResetService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly faceChecks: FaceCheckRedeemer,
    private readonly passwords: PasswordsService,
  ) {}

  async reset(faceCheckToken: string, newPassword: string): Promise<void> {
    const claims = this.faceChecks.verify(faceCheckToken, { purpose: 'password_recovery' });
    const user = await this.users.findById(claims.sub);
    if (user?.status !== 'active' || user.reviewLockedAt !== null) throw new FaceSignInRefusedError();
    const passwordHash = await this.passwords.acceptableHash(user, newPassword);
    await retryOnDeadlock(() =>
      this.dataSource.transaction(async (manager) => {
        await this.faceChecks.redeem(manager, claims);
        await this.passwords.store(manager, user.id, passwordHash, 'reset_by_face');
      }),
    );
  }
}
