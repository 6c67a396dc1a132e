import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export const KEY_ROTATION_PROGRESS_TABLE = 'crypto_key_rotation_progress';

/**
 * One row per job (`rotate:<table>`, `backfill:<table>.<index column>`): where it is and which key it is
 * converging to. Add the entity to the service's DataSource and migrations; the runner refuses to start
 * without it, because an unrecorded run could not be resumed.
 */
@Entity({ name: KEY_ROTATION_PROGRESS_TABLE })
export class KeyRotationProgressEntity {
  @PrimaryColumn({ name: 'job', type: 'varchar', length: 191 })
  job!: string;

  /** A run for a different target key starts over instead of resuming. */
  @Column({ name: 'target_key_id', type: 'varchar', length: 64 })
  targetKeyId!: string;

  /** Keyset cursor: the primary key of the last row of the last finished batch. */
  @Column({ name: 'last_row_id', type: 'varchar', length: 255, nullable: true })
  lastRowId!: string | null;

  @Column({ name: 'rows_scanned', type: 'int', unsigned: true, default: 0 })
  rowsScanned!: number;

  @Column({ name: 'rows_changed', type: 'int', unsigned: true, default: 0 })
  rowsChanged!: number;

  @Column({ name: 'completed_at', type: 'datetime', nullable: true })
  completedAt!: Date | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 6 })
  updatedAt!: Date;
}
