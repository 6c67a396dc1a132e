import { FieldEncryptionSubscriber } from '@exam/crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager, FindOptionsWhere } from 'typeorm';

import { canonicalLogin, loginKindOf } from './contact';
import { UserEntity } from './user.entity';

/** Lookups of users by the identifiers people type, through the blind indexes of their encrypted contacts. */
@Injectable()
export class UsersRepository {
  constructor(private readonly fieldEncryption: FieldEncryptionSubscriber) {}

  byPhone(phone: string): FindOptionsWhere<UserEntity> {
    return this.fieldEncryption.blindIndexWhere(UserEntity, 'phone', phone);
  }

  byEmail(email: string): FindOptionsWhere<UserEntity> {
    return this.fieldEncryption.blindIndexWhere(UserEntity, 'email', email);
  }

  async findByLogin(manager: EntityManager, login: string, lock = false): Promise<UserEntity | null> {
    const canonical = canonicalLogin(login);
    let where: FindOptionsWhere<UserEntity>;
    switch (loginKindOf(login.trim())) {
      case 'email':
        where = this.byEmail(canonical);
        break;
      case 'phone':
        where = this.byPhone(canonical);
        break;
      case 'username':
        where = { username: canonical };
        break;
    }
    return manager.findOne(UserEntity, {
      where,
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }
}
