import type { AlertRow } from '../alert.rows';
import { AlertResponseDto } from './alert-response.dto';

function row(overrides: Partial<AlertRow> = {}): AlertRow {
  const created = new Date('2026-03-01T08:00:00.000Z');
  return {
    id: 'a',
    subject_kind: 'user',
    subject_ref: 'u',
    user_id: 'u',
    institution_id: null,
    cause: 'impossible_travel',
    severity: 'high',
    score: 100,
    rules_fired: '["new_region","impossible_travel"]',
    evidence: '[]',
    status: 'new',
    resolution: null,
    resolution_note: null,
    assignee_id: null,
    occurrences: 1,
    first_seen_at: created,
    last_seen_at: created,
    created_at: created,
    acknowledged_at: null,
    resolved_at: null,
    sla_due_at: new Date(created.getTime() + 3_600_000),
    updated_at: created,
    ...overrides,
  };
}

describe(AlertResponseDto.name, () => {
  it('should count the SLA clock down while an alert waits for acknowledgement', () => {
    const sut = AlertResponseDto.of(row(), new Date('2026-03-01T08:30:00.000Z'));
    expect(sut).toMatchObject({ slaBreached: false, slaRemainingSeconds: 1800, rulesFired: ['new_region', 'impossible_travel'] });
  });

  it('should mark the SLA as breached once it passes unacknowledged', () => {
    const sut = AlertResponseDto.of(row(), new Date('2026-03-01T09:10:00.000Z'));
    expect(sut).toMatchObject({ slaBreached: true, slaRemainingSeconds: -600 });
  });

  it('should stop the SLA clock once acknowledged', () => {
    const sut = AlertResponseDto.of(row({ status: 'acknowledged', acknowledged_at: new Date('2026-03-01T08:05:00.000Z') }), new Date('2026-03-01T10:00:00.000Z'));
    expect(sut).toMatchObject({ slaBreached: false, slaRemainingSeconds: null });
  });
});
