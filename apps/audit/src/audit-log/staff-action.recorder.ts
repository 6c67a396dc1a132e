import { randomUUID } from 'node:crypto';

import { currentTraceId } from '@exam/platform';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { AuditLogService } from './audit-log.service';
import type { CanonicalValue } from './canonical-json';

export const STAFF_STREAM = 'staff';

export interface StaffAction {
  /** e.g. `staff.alert.resolved`, `staff.account.lock_requested`. */
  readonly type: string;
  readonly staffId: string;
  readonly subjectUserId: string | null;
  readonly attributes: { readonly [key: string]: CanonicalValue };
}

/** Chains what security staff do (in their own stream), in the transaction of the change itself. */
@Injectable()
export class StaffActionRecorder {
  constructor(private readonly auditLog: AuditLogService) {}

  async record(manager: EntityManager, action: StaffAction, now: Date): Promise<void> {
    await this.auditLog.append(
      manager,
      STAFF_STREAM,
      {
        eventId: randomUUID(),
        eventType: action.type,
        producer: 'audit',
        occurredAt: now.toISOString(),
        traceId: currentTraceId(),
        subjectUserId: action.subjectUserId,
        actorId: action.staffId,
        institutionId: null,
        ipMasked: null,
        attributes: action.attributes,
      },
      now,
    );
  }
}
