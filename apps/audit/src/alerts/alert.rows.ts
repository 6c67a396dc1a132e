import type { AlertSeverity } from '@exam/contracts';

import type { AlertStatus } from './alert-status';

/** A raw `security_alerts` row. */
export interface AlertRow {
  id: string;
  subject_kind: string;
  subject_ref: string;
  user_id: string | null;
  institution_id: string | null;
  /** JSON array of institution ids. */
  institution_ids: string;
  cause: string;
  severity: AlertSeverity;
  score: number;
  rules_fired: string;
  evidence: string;
  status: AlertStatus;
  resolution: string | null;
  resolution_note: string | null;
  assignee_id: string | null;
  occurrences: number;
  first_seen_at: Date;
  last_seen_at: Date;
  created_at: Date;
  acknowledged_at: Date | null;
  resolved_at: Date | null;
  sla_due_at: Date;
  updated_at: Date;
}

export interface CommentRow {
  id: string;
  alert_id: string;
  author_id: string;
  body: string;
  created_at: Date;
}
