import { Column, Entity, PrimaryColumn } from 'typeorm';

import type { AnswerValue } from './domain/answer';

/** The latest saved answer of one question of an attempt, with the sequence number that put it there. */
@Entity({ name: 'attempt_answers' })
export class AttemptAnswerEntity {
  @PrimaryColumn({ name: 'attempt_id', type: 'char', length: 36 }) attemptId!: string;
  @PrimaryColumn({ name: 'question_id', type: 'char', length: 36 }) questionId!: string;
  @Column({
    type: 'bigint',
    unsigned: true,
    transformer: { to: (v: number) => v, from: (v: string) => Number(v) },
  })
  seq!: number;
  @Column({ name: 'idempotency_key', type: 'varchar', length: 64 }) idempotencyKey!: string;
  @Column({ type: 'json' }) answer!: AnswerValue;
  @Column({ name: 'saved_at', type: 'datetime', precision: 3 }) savedAt!: Date;
}
