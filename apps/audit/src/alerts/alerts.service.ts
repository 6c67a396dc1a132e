import { createHash, randomUUID } from 'node:crypto';

import { Clock } from '@exam/platform';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { StaffActionRecorder } from '../audit-log/staff-action.recorder';
import { AlertNotFoundError, AlertTransitionError } from './alert.errors';
import { AlertRepository } from './alert.repository';
import type { AlertRow, CommentRow } from './alert.rows';
import { type AlertResolution, type AlertStatus, ALLOWED_TRANSITIONS } from './alert-status';
import type { ListAlertsQueryDto } from './dto/alert-requests.dto';

export interface AlertPage {
  readonly rows: AlertRow[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
}

/** Free text may name people: the chain gets its hash (binding the text) but never the text itself. */
function textHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The security staff's review workflow on alerts; every step is chained with who did it. */
@Injectable()
export class AlertsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly alerts: AlertRepository,
    private readonly staffActions: StaffActionRecorder,
    private readonly clock: Clock,
  ) {}

  async list(query: ListAlertsQueryDto): Promise<AlertPage> {
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    const { rows, total } = await this.alerts.list({
      filter: {
        ...(query.status === undefined ? {} : { statuses: query.status }),
        ...(query.severity === undefined ? {} : { severities: query.severity }),
        ...(query.rule === undefined ? {} : { rule: query.rule }),
        ...(query.userId === undefined ? {} : { userId: query.userId }),
        ...(query.institutionId === undefined ? {} : { institutionId: query.institutionId }),
        ...(query.assigneeId === undefined ? {} : { assigneeId: query.assigneeId }),
        ...(query.from === undefined ? {} : { createdFrom: new Date(query.from) }),
        ...(query.to === undefined ? {} : { createdTo: new Date(query.to) }),
      },
      sort: query.sort ?? 'createdAt',
      order: query.order === 'asc' ? 'asc' : 'desc',
      limit,
      offset,
    });
    return { rows, total, limit, offset };
  }

  async detail(id: string): Promise<{ alert: AlertRow; comments: CommentRow[] }> {
    const alert = await this.alerts.findById(id);
    if (!alert) throw new AlertNotFoundError(id);
    return { alert, comments: await this.alerts.commentsOf(id) };
  }

  /** Acknowledges every listed alert that is still new; the rest are reported back as skipped. */
  async acknowledge(
    ids: readonly string[],
    staffId: string,
  ): Promise<{ acknowledged: string[]; skipped: string[] }> {
    return this.dataSource.transaction(async (manager) => {
      const rows = await this.alerts.lockNew(manager, ids);
      const now = this.clock.now();
      const acknowledged = rows.map((r) => r.id);
      await this.alerts.markAcknowledged(manager, acknowledged, now);
      for (const row of rows) {
        await this.staffActions.record(
          manager,
          {
            type: 'staff.alert.acknowledged',
            staffId,
            subjectUserId: row.user_id,
            attributes: { alertId: row.id },
          },
          now,
        );
      }
      return { acknowledged, skipped: ids.filter((id) => !acknowledged.includes(id)) };
    });
  }

  async assign(id: string, assigneeId: string, staffId: string): Promise<AlertRow> {
    return this.change(id, staffId, async (manager, alert, now) => {
      await this.alerts.assign(manager, id, assigneeId, now);
      return { type: 'staff.alert.assigned', attributes: { alertId: alert.id, assigneeId } };
    });
  }

  async investigate(id: string, staffId: string): Promise<AlertRow> {
    return this.change(id, staffId, async (manager, alert, now) => {
      this.assertTransition(alert.status, 'investigating');
      await this.alerts.markInvestigating(manager, id, staffId, now);
      return { type: 'staff.alert.investigating', attributes: { alertId: alert.id } };
    });
  }

  async comment(id: string, body: string, staffId: string): Promise<AlertRow> {
    return this.change(id, staffId, async (manager, alert, now) => {
      const commentId = randomUUID();
      await this.alerts.addComment(manager, { id: commentId, alertId: id, authorId: staffId, body }, now);
      return {
        type: 'staff.alert.commented',
        attributes: { alertId: alert.id, commentId, bodySha256: textHash(body) },
      };
    });
  }

  async resolve(id: string, resolution: AlertResolution, note: string, staffId: string): Promise<AlertRow> {
    return this.change(id, staffId, async (manager, alert, now) => {
      const status: AlertStatus =
        resolution === 'true_positive' ? 'resolved_true_positive' : 'resolved_false_positive';
      this.assertTransition(alert.status, status);
      await this.alerts.markResolved(manager, id, { status, resolution, note }, now);
      // A resolved alert frees its duplicate-suppression slot: the next detection opens a fresh alert.
      await this.alerts.freeSlotOf(manager, id);
      return {
        type: 'staff.alert.resolved',
        attributes: { alertId: alert.id, resolution, noteSha256: textHash(note) },
      };
    });
  }

  private assertTransition(from: AlertStatus, to: AlertStatus): void {
    const allowed = ALLOWED_TRANSITIONS[from];
    if (!allowed.includes(to)) throw new AlertTransitionError(from, to, allowed);
  }

  private async change(
    id: string,
    staffId: string,
    work: (
      manager: EntityManager,
      alert: AlertRow,
      now: Date,
    ) => Promise<{ type: string; attributes: Record<string, string> }>,
  ): Promise<AlertRow> {
    return this.dataSource.transaction(async (manager) => {
      const alert = await this.alerts.lockById(manager, id);
      if (!alert) throw new AlertNotFoundError(id);
      const now = this.clock.now();
      const action = await work(manager, alert, now);
      await this.staffActions.record(
        manager,
        { type: action.type, staffId, subjectUserId: alert.user_id, attributes: action.attributes },
        now,
      );
      return (await this.alerts.reload(manager, id)) ?? alert;
    });
  }
}
