import { createHash, randomUUID } from 'node:crypto';

import { Topics } from '@exam/contracts';
import { testEnvelope } from '@exam/testing';

import { platformRoleChangeRecord } from './platform-role-change.record';

describe(platformRoleChangeRecord.name, () => {
  const userId = randomUUID();
  const reason = 'Zhang San joins the security team';

  it('should chain who, which role, by whom and how, and the reason only as its SHA-256', () => {
    const actorId = randomUUID();
    const envelope = testEnvelope(Topics.PlatformRoleChanged, userId, {
      changeId: randomUUID(),
      userId,
      role: 'security_analyst',
      change: 'granted',
      source: 'admin_api',
      actorId,
      reason,
      changedAt: '2026-12-07T01:00:00.000Z',
    });

    const sut = platformRoleChangeRecord(envelope);

    expect(sut).toMatchObject({
      eventId: envelope.id,
      eventType: 'accounts.platform_role.changed',
      subjectUserId: userId,
      actorId,
      attributes: {
        role: 'security_analyst',
        change: 'granted',
        source: 'admin_api',
        reasonSha256: createHash('sha256').update(reason, 'utf8').digest('hex'),
        changedAt: '2026-12-07T01:00:00.000Z',
      },
    });
    expect(JSON.stringify(sut)).not.toContain('Zhang');
  });

  it('should name the bootstrap CLI as the actor when no administrator made the change', () => {
    const envelope = testEnvelope(Topics.PlatformRoleChanged, userId, {
      changeId: randomUUID(),
      userId,
      role: 'platform_admin',
      change: 'granted',
      source: 'bootstrap_cli',
      reason: 'First administrator',
      changedAt: '2026-12-07T01:00:00.000Z',
    });

    expect(platformRoleChangeRecord(envelope).actorId).toBe('cli:bootstrap_cli');
  });
});
