import { randomUUID } from 'node:crypto';

import type { TopicName } from '@exam/contracts';
import type { EventPublisher, StagedEvent } from '@exam/platform';
import { TestClock } from '@exam/testing';
import type { EntityManager } from 'typeorm';

import type { Detection } from '../login-risk/risk-engine';
import type { AlertRepository, AlertState } from './alert.repository';
import { type AlertCandidate, AlertRaiser } from './alert-raiser.service';

const detection = (rule: Detection['rule'], weight: number, severity: Detection['severity']): Detection => ({
  rule,
  weight,
  severity,
  reason: rule,
  evidence: {},
});

/** Alerts and dedup slots in memory, with the repository's semantics (resolved alerts are not open). */
class InMemoryAlerts {
  readonly alerts = new Map<string, AlertState>();
  readonly slots = new Map<string, string | null>();

  lockSlots(
    _m: EntityManager,
    keys: readonly string[],
  ): Promise<{ dedup_key: string; alert_id: string | null }[]> {
    for (const key of keys) if (!this.slots.has(key)) this.slots.set(key, null);
    return Promise.resolve(keys.map((key) => ({ dedup_key: key, alert_id: this.slots.get(key) ?? null })));
  }

  lockOpen(_m: EntityManager, ids: readonly string[]): Promise<Map<string, AlertState>> {
    const found = ids.flatMap((id) => {
      const alert = this.alerts.get(id);
      return alert ? [[id, structuredClone(alert)] as const] : [];
    });
    return Promise.resolve(new Map(found));
  }

  upsertMany(_m: EntityManager, alerts: readonly AlertState[]): Promise<void> {
    for (const alert of alerts) this.alerts.set(alert.id, structuredClone(alert));
    return Promise.resolve();
  }

  pointSlots(_m: EntityManager, slots: ReadonlyMap<string, string>): Promise<void> {
    for (const [key, id] of slots) this.slots.set(key, id);
    return Promise.resolve();
  }
}

describe(AlertRaiser.name, () => {
  const clock = new TestClock('2026-01-15T08:00:00.000Z');
  const manager = {} as EntityManager;
  let store: InMemoryAlerts;
  let staged: StagedEvent<TopicName>[];
  let sut: AlertRaiser;

  function candidate(userId: string, minutesAfter: number, detections: readonly Detection[]): AlertCandidate {
    return {
      subjectKind: 'user',
      subjectRef: userId,
      userId,
      institutionIds: [],
      score: 70,
      detections,
      seenAt: new Date(clock.nowMs() + minutesAfter * 60_000),
      dedupMinutes: 60,
    };
  }

  beforeEach(() => {
    store = new InMemoryAlerts();
    staged = [];
    const events = {
      stageMany: (_m: EntityManager, _topic: TopicName, list: readonly StagedEvent<TopicName>[]) => {
        staged.push(...list);
        return Promise.resolve([]);
      },
    };
    sut = new AlertRaiser(store as unknown as AlertRepository, events as unknown as EventPublisher);
  });

  it('should take the heaviest rule as the cause used for duplicate suppression', () => {
    expect(
      AlertRaiser.causeOf([
        detection('new_region', 30, 'medium'),
        detection('impossible_travel', 70, 'high'),
      ]),
    ).toBe('impossible_travel');
  });

  it('should break weight ties by severity', () => {
    expect(
      AlertRaiser.causeOf([detection('new_region', 30, 'medium'), detection('dormant_account', 30, 'high')]),
    ).toBe('dormant_account');
  });

  it('should fold a repeat of the same subject and cause within the window into the open alert', async () => {
    const userId = randomUUID();
    const travel = [detection('impossible_travel', 70, 'high')];

    const [first, repeat] = await sut.raiseMany(
      manager,
      [candidate(userId, 0, travel), candidate(userId, 30, [...travel, detection('new_device', 20, 'low')])],
      clock.now(),
    );

    expect(first).toEqual({ alertId: repeat.alertId, created: true });
    expect(repeat.created).toBe(false);
    expect([...store.alerts.values()]).toEqual([
      expect.objectContaining({
        occurrences: 2,
        severity: 'high',
        rules: ['impossible_travel', 'new_device'],
        slaDueAt: new Date('2026-01-15T09:00:00.000Z'),
      }),
    ]);
    expect(staged).toHaveLength(1);
  });

  it('should open a new alert once the window has passed, and announce it', async () => {
    const userId = randomUUID();
    const travel = [detection('impossible_travel', 70, 'high')];
    await sut.raiseMany(manager, [candidate(userId, 0, travel)], clock.now());

    const [later] = await sut.raiseMany(manager, [candidate(userId, 120, travel)], clock.now());

    expect(later.created).toBe(true);
    expect(store.alerts.size).toBe(2);
    expect(staged).toHaveLength(2);
  });
});
