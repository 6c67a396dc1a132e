import { Injectable } from '@nestjs/common';
import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';

/** Authority calls a user has used on one China calendar day. */
@Entity({ name: 'real_name_attempt_budgets' })
export class AttemptBudgetEntity {
  @PrimaryColumn({ name: 'user_id', type: 'char', length: 36 }) userId!: string;
  @PrimaryColumn({ type: 'char', length: 10 }) day!: string;
  @Column({ type: 'int' }) used!: number;
}

interface UpdateResult {
  readonly affectedRows: number;
}

function isUpdateResult(value: unknown): value is UpdateResult {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { affectedRows?: unknown }).affectedRows === 'number'
  );
}

/**
 * The per-user daily budget of authority calls, reserved atomically before a call so that parallel requests
 * of one user cannot overrun it (a conditional UPDATE is the reservation; no read-then-write race).
 */
@Injectable()
export class AttemptBudget {
  constructor(private readonly dataSource: DataSource) {}

  /** Reserves `calls`; returns the calls left after the reservation, or undefined when it would exceed `limit`. */
  async reserve(userId: string, day: string, calls: number, limit: number): Promise<number | undefined> {
    await this.dataSource.query(
      'INSERT IGNORE INTO real_name_attempt_budgets (user_id, day, used) VALUES (?, ?, 0)',
      [userId, day],
    );
    const result: unknown = await this.dataSource.query(
      'UPDATE real_name_attempt_budgets SET used = used + ? WHERE user_id = ? AND day = ? AND used + ? <= ?',
      [calls, userId, day, calls, limit],
    );
    if (!isUpdateResult(result) || result.affectedRows === 0) return undefined;
    const row = await this.dataSource.getRepository(AttemptBudgetEntity).findOneByOrFail({ userId, day });
    return Math.max(0, limit - row.used);
  }
}
