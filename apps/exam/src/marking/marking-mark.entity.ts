import { Column, Entity, PrimaryColumn } from 'typeorm';

import { DECIMAL_POINTS } from '../database/decimal-column';

/** One marker's mark of one item; `round` 1 and 2 are the (double) marks, 3 the reconciling marker's. */
@Entity({ name: 'marking_marks' })
export class MarkingMarkEntity {
  @PrimaryColumn({ type: 'char', length: 36 }) id!: string;
  @Column({ name: 'item_id', type: 'char', length: 36 }) itemId!: string;
  @Column({ name: 'marker_id', type: 'char', length: 36 }) markerId!: string;
  @Column({ type: 'tinyint', unsigned: true }) round!: number;
  @Column({ type: 'decimal', precision: 10, scale: 2, transformer: DECIMAL_POINTS }) mark!: number;
  @Column({ type: 'varchar', length: 2000 }) comment!: string;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
}
