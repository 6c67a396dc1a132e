import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Authority calls a user has used on one China calendar day. */
@Entity({ name: 'real_name_attempt_budgets' })
export class AttemptBudgetEntity {
  @PrimaryColumn({ name: 'user_id', type: 'char', length: 36 }) userId!: string;
  @PrimaryColumn({ type: 'char', length: 10 }) day!: string;
  @Column({ type: 'int' }) used!: number;
}
