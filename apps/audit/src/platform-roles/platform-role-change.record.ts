import { createHash } from 'node:crypto';

import type { EventEnvelope } from '@exam/contracts';

import type { AuditRecord } from '../audit-log/audit-chain';

/**
 * A platform role change as the chain keeps it: who, which role, granted or revoked, by whom and through
 * which door (admin API or bootstrap CLI). The free-text reason enters as its SHA-256 only, as for
 * appeal decisions: it may name people, and accounts keeps the text, which this hash then vouches for.
 */
export function platformRoleChangeRecord(e: EventEnvelope<'accounts.platform_role.changed'>): AuditRecord {
  const p = e.payload;
  return {
    eventId: e.id,
    eventType: e.type,
    producer: e.producer,
    occurredAt: new Date(e.occurredAt).toISOString(),
    traceId: e.traceId,
    subjectUserId: p.userId,
    actorId: p.actorId ?? `cli:${p.source}`,
    institutionId: null,
    ipMasked: null,
    attributes: {
      changeId: p.changeId,
      role: p.role,
      change: p.change,
      source: p.source,
      reasonSha256: createHash('sha256').update(p.reason, 'utf8').digest('hex'),
      changedAt: new Date(p.changedAt).toISOString(),
    },
  };
}
