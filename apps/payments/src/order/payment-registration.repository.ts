import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { isDuplicateKeyError } from '../database/duplicate-key';
import { PaymentRegistrationEntity } from './payment-registration.entity';

/** Registrations with a fee, as payments knows them (see the entity). */
@Injectable()
export class PaymentRegistrationRepository {
  /** Records a registration; false when it is already known (a redelivery, or its cancellation came first). */
  async insert(tx: EntityManager, registration: PaymentRegistrationEntity): Promise<boolean> {
    try {
      await tx.getRepository(PaymentRegistrationEntity).insert(registration);
      return true;
    } catch (error: unknown) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }

  lock(tx: EntityManager, registrationId: string): Promise<PaymentRegistrationEntity | null> {
    return tx
      .getRepository(PaymentRegistrationEntity)
      .findOne({ where: { registrationId }, lock: { mode: 'pessimistic_write' } });
  }

  save(tx: EntityManager, registration: PaymentRegistrationEntity): Promise<PaymentRegistrationEntity> {
    return tx.getRepository(PaymentRegistrationEntity).save(registration);
  }
}
