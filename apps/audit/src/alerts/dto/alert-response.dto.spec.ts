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
    institution_ids: '[]',
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
    expect(sut).toMatchObject({
      slaBreached: false,
      slaRemainingSeconds: 1800,
      rulesFired: ['new_region', 'impossible_travel'],
    });
  });

  it('should mark the SLA as breached once it passes unacknowledged', () => {
    const sut = AlertResponseDto.of(row(), new Date('2026-03-01T09:10:00.000Z'));
    expect(sut).toMatchObject({ slaBreached: true, slaRemainingSeconds: -600 });
  });

  it('should list the institutions of the alert', () => {
    const ids = ['7f0c1c9e-3b1a-4c55-9a51-0d6f7c1f2a10', '2b8e6b1d-90c4-4f4e-8d0b-5c7d3f2a9e11'];
    const sut = AlertResponseDto.of(
      row({ institution_id: ids[0], institution_ids: JSON.stringify(ids) }),
      new Date('2026-03-01T08:10:00.000Z'),
    );
    expect(sut).toMatchObject({ institutionId: ids[0], institutionIds: ids });
  });

  it('should stop the SLA clock once acknowledged', () => {
    const sut = AlertResponseDto.of(
      row({ status: 'acknowledged', acknowledged_at: new Date('2026-03-01T08:05:00.000Z') }),
      new Date('2026-03-01T10:00:00.000Z'),
    );
    expect(sut).toMatchObject({ slaBreached: false, slaRemainingSeconds: null });
  });
});
