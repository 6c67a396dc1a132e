import { Column, Entity, PrimaryColumn } from 'typeorm';

import type { PaperKind, PaperSection } from './paper-structure';

/** A paper: sections of fixed questions and draw rules over one bank. */
@Entity({ name: 'papers' })
export class PaperEntity {
  @PrimaryColumn({ type: 'char', length: 36 }) id!: string;
  @Column({ name: 'institution_id', type: 'char', length: 36 }) institutionId!: string;
  @Column({ name: 'bank_id', type: 'char', length: 36 }) bankId!: string;
  @Column({ type: 'varchar', length: 200 }) title!: string;
  @Column({ type: 'varchar', length: 8 }) kind!: PaperKind;
  @Column({ type: 'json' }) sections!: PaperSection[];
  @Column({ name: 'total_score', type: 'int', unsigned: true }) totalScore!: number;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt!: Date;
}
