import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';

import { PaymentSettingsEntity } from './payment-settings.entity';

/** Institutions' payment settings, one row each. */
@Injectable()
export class PaymentSettingsRepository {
  constructor(
    @InjectRepository(PaymentSettingsEntity) private readonly settings: Repository<PaymentSettingsEntity>,
  ) {}

  find(institutionId: string, tx?: EntityManager): Promise<PaymentSettingsEntity | null> {
    const repository = tx === undefined ? this.settings : tx.getRepository(PaymentSettingsEntity);
    return repository.findOneBy({ institutionId });
  }

  /**
   * Raw SQL for an INSERT … ON DUPLICATE KEY UPDATE upsert: two admins saving at once both succeed (last
   * write wins) and the first save's created_at stays.
   */
  async upsert(tx: EntityManager, row: PaymentSettingsEntity): Promise<void> {
    await tx.query(
      `INSERT INTO payment_institution_settings
         (institution_id, refund_approval_threshold_fen, updated_by, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?)
       ON DUPLICATE KEY UPDATE refund_approval_threshold_fen = VALUES(refund_approval_threshold_fen),
         updated_by = VALUES(updated_by), updated_at = VALUES(updated_at)`,
      [row.institutionId, row.refundApprovalThresholdFen, row.updatedBy, row.createdAt, row.updatedAt],
    );
  }
}
