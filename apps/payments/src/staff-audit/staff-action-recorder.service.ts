import { createHash, randomUUID } from 'node:crypto';

import { type PaymentStaffActionKind, Topics } from '@exam/contracts';
import { Clock, EventPublisher } from '@exam/platform';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface StaffAction {
  readonly action: PaymentStaffActionKind;
  /** Null for platform-wide actions. */
  readonly institutionId: string | null;
  readonly staffUserId: string;
  readonly subjectId: string;
  readonly amountFen?: number | null;
  /** The free-text reason or note as stored; only its SHA-256 leaves payments. */
  readonly reason?: string | null;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Puts a staff decision on `payments.staff.action_taken` for the audit chain, staged in the caller's
 * transaction so that the decision and its event commit (or roll back) together.
 */
@Injectable()
export class StaffActionRecorder {
  constructor(
    private readonly events: EventPublisher,
    private readonly clock: Clock,
  ) {}

  async record(tx: EntityManager, action: StaffAction): Promise<void> {
    await this.events.stage(tx, Topics.PaymentStaffActionTaken, {
      subjectId: action.subjectId,
      payload: {
        actionId: randomUUID(),
        institutionId: action.institutionId,
        staffUserId: action.staffUserId,
        action: action.action,
        subjectId: action.subjectId,
        amountFen: action.amountFen ?? null,
        reasonSha256: action.reason === undefined || action.reason === null ? null : sha256Hex(action.reason),
        takenAt: this.clock.now().toISOString(),
      },
    });
  }
}
