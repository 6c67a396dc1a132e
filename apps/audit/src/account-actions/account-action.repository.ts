import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface NewAccountAction {
  readonly id: string;
  readonly userId: string;
  readonly action: string;
  readonly reason: string;
  readonly note: string;
  readonly requestedBy: string;
  readonly alertId: string | null;
}

/** Staff actions on accounts (`account_actions`). No entity maps the table: its statement is raw SQL. */
@Injectable()
export class AccountActionRepository {
  async insert(manager: EntityManager, action: NewAccountAction, now: Date): Promise<void> {
    await manager.query(
      'INSERT INTO account_actions (id, user_id, action, reason, note, requested_by, alert_id, requested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      [
        action.id,
        action.userId,
        action.action,
        action.reason,
        action.note,
        action.requestedBy,
        action.alertId,
        now,
      ],
    );
  }
}
