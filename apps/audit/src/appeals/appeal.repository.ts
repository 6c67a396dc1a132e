import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface NewAppeal {
  readonly id: string;
  readonly attemptId: string;
  readonly userId: string;
  readonly statement: string;
  readonly alertId: string;
}

/** Users' appeals of automated decisions (`login_appeals`). No entity maps the table: raw SQL. */
@Injectable()
export class AppealRepository {
  /** Locks the appeal of an attempt, if one exists (raw: row lock against a concurrent second appeal). */
  async lockByAttempt(manager: EntityManager, attemptId: string): Promise<boolean> {
    const existing: unknown[] = await manager.query(
      'SELECT id FROM login_appeals WHERE attempt_id = ? FOR UPDATE',
      [attemptId],
    );
    return existing.length > 0;
  }

  async insert(manager: EntityManager, appeal: NewAppeal, now: Date): Promise<void> {
    await manager.query(
      'INSERT INTO login_appeals (id, attempt_id, user_id, statement, alert_id, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      [appeal.id, appeal.attemptId, appeal.userId, appeal.statement, appeal.alertId, now],
    );
  }
}
