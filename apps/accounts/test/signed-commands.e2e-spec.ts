import { randomUUID } from 'node:crypto';

import { type PayloadOf, Topics } from '@exam/contracts';
import type { DeadLetterRecord } from '@exam/platform';
import { commandForgeries, expectEventually, type ProbedMessage, testEnvelope } from '@exam/testing';

import { type AccountsHarness, startAccounts } from './accounts-harness';
import { registerActive } from './factories';

/** #12 item 10: a staff command reaches accounts only with audit's signature; forgeries are dead-lettered. */
describe('accounts: signed staff commands', () => {
  let harness: AccountsHarness;
  let deadLetters: ProbedMessage[];
  const topic = Topics.AccountActionRequested;

  beforeAll(async () => {
    harness = await startAccounts();
    deadLetters = await harness.bed.collect(topic, { deadLetter: true });
  }, 120_000);

  afterAll(async () => {
    await harness.close();
  });

  function action(userId: string, kind: PayloadOf<typeof topic>['action']): string {
    return JSON.stringify(
      testEnvelope(topic, userId, {
        actionId: randomUUID(),
        userId,
        action: kind,
        reason: 'false_positive',
        requestedBy: randomUUID(),
      }),
    );
  }

  async function reviewLockOf(userId: string): Promise<string | null> {
    const rows: { review_lock_reason: string | null }[] = await harness.data.query(
      'SELECT review_lock_reason FROM users WHERE id = ?',
      [userId],
    );
    return rows[0]?.review_lock_reason ?? null;
  }

  function deadLettered(userId: string): DeadLetterRecord[] {
    return deadLetters
      .map((m) => JSON.parse(m.value ?? '{}') as DeadLetterRecord)
      .filter((r) => r.original?.includes(userId) === true);
  }

  it('should refuse every forged unlock of a locked account and still obey audit’s signed one', async () => {
    const user = await registerActive(harness.service.url);
    const physical = harness.names.physical(topic);
    await harness.probe.produce(physical, [{ key: user.userId, value: action(user.userId, 'lock') }]);
    await expectEventually(async () => {
      expect(await reviewLockOf(user.userId)).toBe('staff_lock');
    });

    const forgedUnlock = action(user.userId, 'unlock');
    const forgeries = commandForgeries(topic, action(user.userId, 'force_logout'));
    for (const forgery of forgeries) await forgery.send(harness.probe, physical, user.userId, forgedUnlock);

    const records = await expectEventually(() => {
      const found = deadLettered(user.userId);
      expect(found).toHaveLength(forgeries.length);
      return found;
    });
    expect(records.map((r) => r.reason.split(':')[0]).sort()).toEqual(forgeries.map((f) => f.reason).sort());
    expect(records.every((r) => r.original === forgedUnlock)).toBe(true);
    expect(await reviewLockOf(user.userId)).toBe('staff_lock');

    // The very same bytes, now with audit's signature: refused only for the signature, not the content.
    await harness.probe.produce(physical, [{ key: user.userId, value: forgedUnlock }]);
    await expectEventually(async () => {
      expect(await reviewLockOf(user.userId)).toBeNull();
    });
    expect(deadLettered(user.userId)).toHaveLength(forgeries.length);
  });

  it('should dead-letter an unsigned block decision without locking the account', async () => {
    const user = await registerActive(harness.service.url);
    const assessed = Topics.LoginAssessed;
    const dlq = await harness.bed.collect(assessed, { deadLetter: true });
    const envelope = testEnvelope(assessed, user.userId, {
      attemptId: randomUUID(),
      userId: user.userId,
      decision: 'block',
      score: 990,
      rulesFired: ['impossible_travel'],
    });
    await harness.probe.produce(
      harness.names.physical(assessed),
      [{ key: user.userId, value: JSON.stringify(envelope) }],
      { signWith: false },
    );
    await expectEventually(() => {
      expect(dlq.map((m) => m.headers['dlq-reason'])).toEqual([expect.stringMatching(/^EVENT\.UNSIGNED/)]);
    });
    expect(await reviewLockOf(user.userId)).toBeNull();
  });
});
