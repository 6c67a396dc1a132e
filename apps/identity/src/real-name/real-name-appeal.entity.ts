import { randomUUID } from 'node:crypto';

import type { AppealDecision, RealNameAppealKind } from '@exam/contracts';
import { BlindIndexColumn, EncryptedColumn } from '@exam/crypto';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

import { ID_NUMBER_INDEX_KEY_ID } from './real-name-keys';

export type AppealStatus = 'open' | AppealDecision;

/**
 * A request a platform admin reviews: an ID number already verified on another account (carrying that number,
 * encrypted, so the holder can be found without showing it to anyone), or a correction of verified data.
 */
@Entity({ name: 'real_name_appeals' })
export class RealNameAppealEntity {
  @PrimaryColumn({ type: 'char', length: 36 }) id: string = randomUUID();

  @Column({ name: 'user_id', type: 'char', length: 36 }) userId!: string;

  @Column({ type: 'varchar', length: 24 }) kind!: RealNameAppealKind;

  @Column({ type: 'varchar', length: 500 }) reason!: string;

  @EncryptedColumn({ name: 'id_number', nullable: true }) idNumber: string | null = null;

  @BlindIndexColumn({
    name: 'id_number_bidx',
    source: 'idNumber',
    kind: 'idNumber',
    keyId: ID_NUMBER_INDEX_KEY_ID,
    nullable: true,
  })
  idNumberBidx: string | null = null;

  @Column({ type: 'varchar', length: 16 }) status: AppealStatus = 'open';

  @Column({ name: 'reviewed_by', type: 'char', length: 36, nullable: true }) reviewedBy: string | null = null;

  @Column({ name: 'review_reason', type: 'varchar', length: 500, nullable: true }) reviewReason:
    string | null = null;

  @Column({ name: 'reviewed_at', type: 'datetime', precision: 3, nullable: true }) reviewedAt: Date | null =
    null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
}
