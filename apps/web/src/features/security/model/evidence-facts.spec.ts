import type { EvidenceItem } from '../api/types';
import { evidenceFields, impliedSpeed, placeOf, readableEvidence } from './evidence-facts';

const item = (rule: string, evidence: EvidenceItem['evidence']): EvidenceItem => ({
  rule,
  severity: 'high',
  reason: 'engine text',
  evidence,
  seenAt: '2026-03-01T08:10:00.000Z',
});

describe('evidence in words', () => {
  it('gives both places of an impossible travel with distance, time and speed', () => {
    const readable = readableEvidence(
      item('impossible_travel', {
        fromRegion: 'CN-11',
        fromIp: '114.247.50.*',
        fromAt: '2026-03-01T08:00:00.000Z',
        toRegion: 'CN-44',
        toIp: '113.108.182.*',
        toAt: '2026-03-01T08:10:00.000Z',
        distanceKm: 1890,
        elapsedMinutes: 10,
        speedKmh: 11340,
      }),
    );
    expect(readable.known).toBe(true);
    expect(readable.summary).toEqual({
      from: { kind: 'text', value: 'CN-11 (114.247.50.*)' },
      fromAt: { kind: 'time', iso: '2026-03-01T08:00:00.000Z' },
      to: { kind: 'text', value: 'CN-44 (113.108.182.*)' },
      toAt: { kind: 'time', iso: '2026-03-01T08:10:00.000Z' },
      distance: { kind: 'number', value: 1890 },
      minutes: { kind: 'number', value: 10 },
      speed: { kind: 'number', value: 11340 },
    });
  });

  it('works the speed out when the engine could not (same instant) or left it out', () => {
    expect(impliedSpeed(1200, 30)).toBe(2400);
    expect(impliedSpeed(1200, 0)).toBe('instant');
    expect(impliedSpeed(null, 30)).toBeNull();
    const instant = readableEvidence(
      item('impossible_travel', {
        fromIp: '1.2.3.*',
        toIp: '5.6.7.*',
        distanceKm: 900,
        elapsedMinutes: 0,
        speedKmh: null,
      }),
    );
    expect(instant.summary.speed).toEqual({ kind: 'code', group: 'speed', value: 'instant' });
    expect(instant.summary.from).toEqual({ kind: 'text', value: '1.2.3.*' });
  });

  it('names the credential change and its timing for a new device after it', () => {
    const readable = readableEvidence(
      item('new_device_after_credential_change', {
        deviceRef: 'bd70f8aa36c2c7bb',
        changedAt: '2026-03-01T08:00:00.000Z',
        change: 'password',
        hoursAfterChange: 0.5,
      }),
    );
    expect(readable.summary).toMatchObject({
      change: { kind: 'code', group: 'change', value: 'password' },
      hours: { kind: 'number', value: 0.5 },
      device: { kind: 'text', value: 'bd70f8aa36c2c7bb' },
    });
  });

  it('counts failures against the threshold for brute force, and marks what is missing', () => {
    const readable = readableEvidence(
      item('brute_force', { failures: 12, windowMinutes: 15, threshold: 10 }),
    );
    expect(readable.summary).toEqual({
      failures: { kind: 'number', value: 12 },
      windowMinutes: { kind: 'number', value: 15 },
      threshold: { kind: 'number', value: 10 },
      ip: { kind: 'missing' },
    });
  });

  it('falls back to the rule code for a cause it does not know, and lists every field', () => {
    const unknown = item('something_new', { a: 1, b: 'x' });
    expect(readableEvidence(unknown)).toEqual({
      rule: 'something_new',
      known: false,
      summary: { rule: { kind: 'text', value: 'something_new' } },
    });
    expect(evidenceFields(unknown)).toEqual([
      { field: 'a', value: 1 },
      { field: 'b', value: 'x' },
    ]);
    expect(placeOf(null, null)).toEqual({ kind: 'missing' });
  });
});
