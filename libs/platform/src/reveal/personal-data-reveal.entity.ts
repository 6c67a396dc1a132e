import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Local record of every reveal: the rate limit counts these, and audit gets the matching event. */
@Entity({ name: 'personal_data_reveals' })
@Index('ix_reveals_actor_time', ['actorId', 'revealedAt'])
export class PersonalDataRevealEntity {
  @PrimaryColumn({ type: 'char', length: 36 }) id!: string;
  @Column({ name: 'actor_id', type: 'char', length: 36 }) actorId!: string;
  @Column({ name: 'subject_id', type: 'varchar', length: 64 }) subjectId!: string;
  @Column({ type: 'varchar', length: 64 }) field!: string;
  @Column({ type: 'varchar', length: 500 }) reason!: string;
  @Column({ name: 'revealed_at', type: 'datetime', precision: 3 }) revealedAt!: Date;
}
