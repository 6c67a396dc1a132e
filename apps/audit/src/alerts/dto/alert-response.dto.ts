import type { AlertRow, CommentRow } from '../alert.rows';

export class AlertCommentDto {
  id!: string;
  authorId!: string;
  body!: string;
  createdAt!: string;
}

export class AlertResponseDto {
  id!: string;
  severity!: string;
  status!: string;
  /** user, ip or device: attacks across many accounts are one alert about their source. */
  subjectKind!: string;
  /** Pseudonymous account id (never a name or number); null for IP/device alerts. */
  userId!: string | null;
  /** The first of institutionIds (kept for older clients). */
  institutionId!: string | null;
  /** Institutions the user belonged to when the detections happened. */
  institutionIds!: string[];
  cause!: string;
  rulesFired!: string[];
  score!: number;
  occurrences!: number;
  assigneeId!: string | null;
  resolution!: string | null;
  resolutionNote!: string | null;
  firstSeenAt!: string;
  lastSeenAt!: string;
  createdAt!: string;
  acknowledgedAt!: string | null;
  resolvedAt!: string | null;
  slaDueAt!: string;
  /** Not acknowledged within the severity's SLA. */
  slaBreached!: boolean;
  /** Seconds left to acknowledge; negative once breached; null once acknowledged. */
  slaRemainingSeconds!: number | null;

  static of(row: AlertRow, now: Date): AlertResponseDto {
    const iso = (d: Date | null): string | null => (d === null ? null : new Date(d).toISOString());
    const due = new Date(row.sla_due_at);
    const waiting = row.acknowledged_at === null && !row.status.startsWith('resolved');
    const remaining = Math.round((due.getTime() - now.getTime()) / 1000);
    return Object.assign(new AlertResponseDto(), {
      id: row.id,
      severity: row.severity,
      status: row.status,
      subjectKind: row.subject_kind,
      userId: row.user_id,
      institutionId: row.institution_id,
      institutionIds: JSON.parse(row.institution_ids) as string[],
      cause: row.cause,
      rulesFired: JSON.parse(row.rules_fired) as string[],
      score: row.score,
      occurrences: row.occurrences,
      assigneeId: row.assignee_id,
      resolution: row.resolution,
      resolutionNote: row.resolution_note,
      firstSeenAt: new Date(row.first_seen_at).toISOString(),
      lastSeenAt: new Date(row.last_seen_at).toISOString(),
      createdAt: new Date(row.created_at).toISOString(),
      acknowledgedAt: iso(row.acknowledged_at),
      resolvedAt: iso(row.resolved_at),
      slaDueAt: due.toISOString(),
      slaBreached: waiting && remaining < 0,
      slaRemainingSeconds: waiting ? remaining : null,
    });
  }
}

export class AlertDetailDto extends AlertResponseDto {
  /** Detections with reasons and evidence (IPs masked to /24, regions, device fingerprints, times). */
  evidence!: unknown[];
  comments!: AlertCommentDto[];

  static detail(row: AlertRow, comments: readonly CommentRow[], now: Date): AlertDetailDto {
    return Object.assign(new AlertDetailDto(), AlertResponseDto.of(row, now), {
      evidence: JSON.parse(row.evidence) as unknown[],
      comments: comments.map((c) =>
        Object.assign(new AlertCommentDto(), {
          id: c.id,
          authorId: c.author_id,
          body: c.body,
          createdAt: new Date(c.created_at).toISOString(),
        }),
      ),
    });
  }
}

export class AlertPageDto {
  items!: AlertResponseDto[];
  total!: number;
  limit!: number;
  offset!: number;
}

export class AcknowledgeResultDto {
  acknowledged!: string[];
  /** Ids that were not open-and-new (already acknowledged, resolved) or do not exist. */
  skipped!: string[];
}
