import type { LogEntry } from '../api/types';

export interface TimelineRow {
  key: string;
  at: string;
  outcome: string;
  decision: string | null;
  score: number | null;
  rulesFired: string[];
  ip: string | null;
  deviceRef: string | null;
  /** A device this account had not used in any earlier attempt listed. */
  newDevice: boolean;
}

export interface LoginTimeline {
  /** Newest first, as the log lists them. */
  rows: TimelineRow[];
  failures: number;
  successes: number;
  devices: number;
}

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/**
 * The account's sign-in attempts (`accounts.login.attempted` log entries, newest first) as a timeline:
 * outcome and decision of each, which device was new, and how many failed.
 */
export function loginTimeline(entries: readonly LogEntry[]): LoginTimeline {
  const attempts = entries.filter((e) => e.eventType === 'accounts.login.attempted');
  const oldestFirst = [...attempts].reverse();
  const seen = new Set<string>();
  const isNew = new Map<string, boolean>();
  for (const entry of oldestFirst) {
    const device = str(entry.attributes.deviceRef);
    if (device === null) continue;
    isNew.set(entry.eventId, seen.size > 0 && !seen.has(device));
    seen.add(device);
  }
  const rows = attempts.map((entry): TimelineRow => {
    const a = entry.attributes;
    return {
      key: entry.eventId,
      at: str(a.attemptedAt) ?? entry.occurredAt,
      outcome: str(a.outcome) ?? 'unknown',
      decision: str(a.decision),
      score: typeof a.score === 'number' ? a.score : null,
      rulesFired: Array.isArray(a.rulesFired)
        ? a.rulesFired.filter((r): r is string => typeof r === 'string')
        : [],
      ip: entry.ip,
      deviceRef: str(a.deviceRef),
      newDevice: isNew.get(entry.eventId) ?? false,
    };
  });
  return {
    rows,
    failures: rows.filter((r) => r.outcome === 'failure').length,
    successes: rows.filter((r) => r.outcome === 'success').length,
    devices: seen.size,
  };
}
