import { randomUUID } from 'node:crypto';

import { type InstitutionMembership, type PlatformRole, Topics } from '@exam/contracts';
import { findSensitiveNumbers } from '@exam/crypto';
import {
  describeWithData,
  expectEventually,
  issueTestToken,
  ServiceTestBed,
  testEnvelope,
} from '@exam/testing';
import request from 'supertest';
import type { DataSource } from 'typeorm';

import { IdentityEnv } from '../src/config/identity.env';
import { IdentityModule } from '../src/identity.module';
import { faceImageBase64, FACES_DIR } from './support/factories';

const FACES = FACES_DIR;
const describeWithFaces = describeWithData(FACES, 'the labelled test faces (kept outside the repository)');

const DAY_MS = 86_400_000;

interface Caller {
  readonly userId: string;
  readonly roles?: PlatformRole[];
  readonly memberships?: InstitutionMembership[];
}

describeWithFaces('identity raw face images under institution policy (e2e)', () => {
  let bed: ServiceTestBed<IdentityEnv>;
  let data: DataSource;
  const bodies: string[] = [];
  const keeping = randomUUID();
  const notKeeping = randomUUID();
  const admin: Caller = {
    userId: randomUUID(),
    memberships: [{ institutionId: keeping, roles: ['org_admin'] }],
  };
  const staff: Caller = {
    userId: randomUUID(),
    memberships: [{ institutionId: keeping, roles: ['org_staff'] }],
  };
  const otherAdmin: Caller = {
    userId: randomUUID(),
    memberships: [{ institutionId: notKeeping, roles: ['org_admin'] }],
  };
  const candidateOf = (...institutionIds: string[]): Caller => ({
    userId: randomUUID(),
    roles: ['candidate'],
    memberships: institutionIds.map((institutionId) => ({ institutionId, roles: [] })),
  });
  const image = (): string => faceImageBase64('howard/howard1.png');

  beforeAll(async () => {
    bed = await ServiceTestBed.start({
      service: 'identity',
      envClass: IdentityEnv,
      module: (env) => IdentityModule.register(env),
      topics: [Topics.ErasureRequested, Topics.ConsentChanged, Topics.FaceEnrolmentChanged],
    });
    data = bed.dataSource;
  });

  afterAll(async () => {
    await bed.close();
  });

  afterEach(() => {
    for (const body of bodies) expect(findSensitiveNumbers(body, new Date())).toEqual([]);
    bodies.length = 0;
  });

  async function call(
    method: 'get' | 'put' | 'post' | 'delete',
    path: string,
    caller: Caller,
    body?: object,
  ): Promise<{ status: number; body: Record<string, unknown> }> {
    const token = issueTestToken({
      userId: caller.userId,
      ...(caller.roles ? { roles: caller.roles } : {}),
      ...(caller.memberships ? { memberships: caller.memberships } : {}),
    });
    const req = request(bed.url)[method](`/api/identity/face${path}`).set('authorization', `Bearer ${token}`);
    const response = body === undefined ? await req : await req.send(body);
    bodies.push(response.text);
    return { status: response.status, body: response.body as Record<string, unknown> };
  }

  const enrolFor = (institutionId: string, caller: Caller) =>
    call('post', `/institutions/${institutionId}/enrolment`, caller, {
      image: image(),
      consent: true,
      consentPolicyVersion: '2026-11',
    });

  const imagesOf = (userId: string): Promise<{ image: string; expires_at: Date; institution_id: string }[]> =>
    data.query('SELECT image, expires_at, institution_id FROM face_raw_images WHERE user_id = ?', [userId]);

  it('should let the institution admin set the policy, its staff read it, and refuse everyone else or a limit beyond a year', async () => {
    const initial = await call('get', `/institutions/${keeping}/image-policy`, staff);
    const byStaff = await call('put', `/institutions/${keeping}/image-policy`, staff, {
      keepRawImage: true,
      retentionDays: 30,
    });
    const byOtherTenant = await call('put', `/institutions/${keeping}/image-policy`, otherAdmin, {
      keepRawImage: true,
      retentionDays: 30,
    });
    const readByOtherTenant = await call('get', `/institutions/${keeping}/image-policy`, otherAdmin);
    const tooLong = await call('put', `/institutions/${keeping}/image-policy`, admin, {
      keepRawImage: true,
      retentionDays: 400,
    });
    const unlimited = await call('put', `/institutions/${keeping}/image-policy`, admin, {
      keepRawImage: true,
    });
    const set = await call('put', `/institutions/${keeping}/image-policy`, admin, {
      keepRawImage: true,
      retentionDays: 30,
    });
    const read = await call('get', `/institutions/${keeping}/image-policy`, staff);

    expect(initial).toMatchObject({
      status: 200,
      body: { keepRawImage: false, retentionDays: null, updatedAt: null },
    });
    expect(byStaff).toMatchObject({ status: 403, body: { code: 'AUTH.TENANT_FORBIDDEN' } });
    expect(byOtherTenant).toMatchObject({ status: 403, body: { code: 'AUTH.TENANT_FORBIDDEN' } });
    expect(readByOtherTenant).toMatchObject({ status: 403, body: { code: 'AUTH.TENANT_FORBIDDEN' } });
    expect(tooLong).toMatchObject({
      status: 400,
      body: { code: 'FACE.IMAGE_POLICY_INVALID', details: [{ field: 'retentionDays' }] },
    });
    expect(unlimited).toMatchObject({ status: 400, body: { code: 'FACE.IMAGE_POLICY_INVALID' } });
    expect(set).toMatchObject({
      status: 200,
      body: { institutionId: keeping, keepRawImage: true, retentionDays: 30 },
    });
    expect(read.body).toMatchObject({ keepRawImage: true, retentionDays: 30 });
  });

  it('should keep the image encrypted with an expiry when the institution asks for it, and say so', async () => {
    const candidate = candidateOf(keeping);
    const before = Date.now();

    const response = await enrolFor(keeping, candidate);

    expect(response).toMatchObject({ status: 201, body: { enrolled: true, rawImageKept: true } });
    const expiresAt = Date.parse(String(response.body.rawImageExpiresAt));
    expect(expiresAt).toBeGreaterThanOrEqual(before + 30 * DAY_MS - 1000);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + 30 * DAY_MS + 1000);
    const rows = await imagesOf(candidate.userId);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.institution_id).toBe(keeping);
    expect(rows[0]?.image).toMatch(/^ef[0-9]+:/);
    expect(rows[0]?.image).not.toContain(image().slice(0, 40));
  });

  it('should not keep the image for an institution without such a policy, nor let a non-member enrol for one', async () => {
    const candidate = candidateOf(notKeeping);
    const stranger = candidateOf(notKeeping);

    const kept = await enrolFor(notKeeping, candidate);
    const foreign = await enrolFor(keeping, stranger);

    expect(kept).toMatchObject({ status: 201, body: { rawImageKept: false, rawImageExpiresAt: null } });
    expect(await imagesOf(candidate.userId)).toHaveLength(0);
    expect(foreign).toMatchObject({ status: 403, body: { code: 'AUTH.TENANT_FORBIDDEN' } });
    const templates: unknown[] = await data.query('SELECT user_id FROM face_templates WHERE user_id = ?', [
      stranger.userId,
    ]);
    expect(templates).toHaveLength(0);
  });

  it('should erase expired images in the retention run, idempotently, on an admin trigger only', async () => {
    const expiring = candidateOf(keeping);
    const current = candidateOf(keeping);
    await enrolFor(keeping, expiring);
    await enrolFor(keeping, current);
    await data.query('UPDATE face_raw_images SET expires_at = NOW(3) - INTERVAL 1 SECOND WHERE user_id = ?', [
      expiring.userId,
    ]);

    const byCandidate = await call('post', '/raw-images/purge', expiring);
    const first = await call('post', '/raw-images/purge', {
      userId: randomUUID(),
      roles: ['platform_admin'],
    });
    const second = await call('post', '/raw-images/purge', {
      userId: randomUUID(),
      roles: ['platform_admin'],
    });

    expect(byCandidate).toMatchObject({ status: 403 });
    expect(first.status).toBe(200);
    expect(Number(first.body.deleted)).toBeGreaterThanOrEqual(1);
    expect(second.body).toMatchObject({ deleted: 0 });
    expect(await imagesOf(expiring.userId)).toHaveLength(0);
    expect(await imagesOf(current.userId)).toHaveLength(1);
  });

  it('should erase kept images when face consent is withdrawn (here or in accounts) and when the account is erased', async () => {
    const withdrawing = candidateOf(keeping);
    const withdrawingInAccounts = candidateOf(keeping);
    const leaving = candidateOf(keeping);
    await enrolFor(keeping, withdrawing);
    await enrolFor(keeping, withdrawingInAccounts);
    await enrolFor(keeping, leaving);
    expect(await imagesOf(withdrawing.userId)).toHaveLength(1);

    const withdrawn = await call('delete', '/enrolment', withdrawing);
    const erasure = testEnvelope(Topics.ErasureRequested, leaving.userId, {
      userId: leaving.userId,
      requestId: randomUUID(),
      deadline: new Date(Date.now() + 15 * DAY_MS).toISOString(),
    });
    const consentWithdrawn = testEnvelope(Topics.ConsentChanged, withdrawingInAccounts.userId, {
      userId: withdrawingInAccounts.userId,
      purpose: 'face_biometrics',
      granted: false,
      policyVersion: '2026-11',
      changedAt: new Date(Date.now() + 1000).toISOString(),
    });
    await bed.publish(erasure, consentWithdrawn);

    expect(withdrawn.status).toBe(204);
    expect(await imagesOf(withdrawing.userId)).toHaveLength(0);
    await expectEventually(async () => {
      expect(await imagesOf(leaving.userId)).toHaveLength(0);
      expect(await imagesOf(withdrawingInAccounts.userId)).toHaveLength(0);
    });
  });

  it('should erase the institution’s kept images when its admin stops keeping them', async () => {
    const candidate = candidateOf(keeping);
    await enrolFor(keeping, candidate);

    const off = await call('put', `/institutions/${keeping}/image-policy`, admin, { keepRawImage: false });

    expect(off).toMatchObject({ status: 200, body: { keepRawImage: false, retentionDays: null } });
    const left: unknown[] = await data.query('SELECT id FROM face_raw_images WHERE institution_id = ?', [
      keeping,
    ]);
    expect(left).toHaveLength(0);
  });
});
