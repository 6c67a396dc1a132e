import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { Topics } from '@exam/contracts';
import { generateFaceCheckKeyPair } from '@exam/platform/face-check';
import { describeWithData, ServiceTestBed, testJwtPublicKeys } from '@exam/testing';
import request from 'supertest';

import { type AccountsHarness, startAccounts } from '../../apps/accounts/test/accounts-harness';
import {
  freshIp,
  latestCode,
  login,
  registerActive,
  type Registered,
  STRONG_PASSWORD,
} from '../../apps/accounts/test/factories';
import { IdentityEnv } from '../../apps/identity/src/config/identity.env';
import { IdentityModule } from '../../apps/identity/src/identity.module';

const FACES = resolve(__dirname, '../..', '../shared/testdata/faces');
const describeWithFaces = describeWithData(FACES, 'the labelled test faces (kept outside the repository)');
const face = (relative: string): string => readFileSync(resolve(FACES, relative)).toString('base64');

type Step = 'turn_left' | 'turn_right' | 'look_straight';
/** One capture session: the frames taken 0.3, 0.9 and 1.5 s after the challenge (identity checks the timing). */
const FRAME_TIMES_MS = [300, 900, 1_500];
interface Challenge {
  readonly challengeId: string;
  readonly nonce: string;
  readonly steps: Step[];
}
interface CheckResult {
  readonly decision: { readonly outcome: string; readonly passed: boolean; readonly reason: string };
  readonly faceCheckToken: string | null;
}
interface StepUpRequired {
  readonly challengeId: string;
  readonly methods: string[];
  readonly faceTicket?: string;
}

// Yaw of these pictures (scripts/face-eval.ts): a live person turning as asked.
const bernadette = (): Record<Step, string> => ({
  turn_left: face('bernadette/bernadette2.png'),
  turn_right: face('bernadette/bernadette4.png'),
  look_straight: face('bernadette/bernadette3.png'),
});
const sheldon = (): Record<Step, string> => ({
  turn_left: face('sheldon/sheldon4.png'),
  turn_right: face('sheldon/sheldon3.png'),
  look_straight: face('sheldon/sheldon1.png'),
});

const subjectOf = (jwt: string): string =>
  (JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString()) as { sub: string }).sub;

/**
 * Accounts and identity together, as deployed: accounts hands out face tickets, identity runs the face check
 * with the real model and signs a face-check token, accounts verifies it offline and acts on it once.
 */
describeWithFaces(
  'face step-up, face sign-in and password recovery by face (accounts + identity e2e)',
  () => {
    const faceKeys = generateFaceCheckKeyPair('fc-flow');
    let accounts: AccountsHarness;
    let identity: ServiceTestBed<IdentityEnv>;
    let accountsUrl: string;
    let enrolled: Registered;

    beforeAll(async () => {
      // Several step-ups in a row: no resend cooldown between their codes.
      accounts = await startAccounts({
        FACE_CHECK_PUBLIC_KEYS: faceKeys.publicKeys,
        CODE_RESEND_COOLDOWN_SECONDS: '0',
        // The cooling period after enrolment is covered by face-takeover.e2e-spec.
        FACE_ENROLMENT_COOLING_SECONDS: '0',
      });
      accountsUrl = accounts.service.url;
      identity = await ServiceTestBed.start({
        service: 'identity',
        envClass: IdentityEnv,
        module: (env) => IdentityModule.register(env),
        topics: [
          Topics.ConsentChanged,
          Topics.ErasureRequested,
          Topics.VerificationCompleted,
          Topics.MinorFlagged,
          Topics.GuardianConsentRecorded,
          Topics.FaceEnrolmentChanged,
        ],
        overrides: {
          // Identity trusts the accounts service's signing key, as every service does in a deployment.
          JWT_PUBLIC_KEYS: JSON.stringify({
            ...(JSON.parse(testJwtPublicKeys()) as Record<string, string>),
            'accounts-test': accounts.publicKeyPem,
          }),
          FACE_CHECK_KEY_ID: faceKeys.keyId,
          FACE_CHECK_PRIVATE_KEY: faceKeys.privateKey,
          FACE_PREAUTH_IP_FAILURES_PER_HOUR: '3',
        },
      });
      enrolled = await registerActive(accountsUrl);
      await enrolFace(enrolled, 'bernadette/bernadette1.png');
    }, 180_000);

    afterAll(async () => {
      await identity.close();
      await accounts.close();
    });

    // Each test stands for a new session of the person, but the test data hold one genuine answer per person:
    // earlier captures are forgotten between tests, and the replay test below shows what they are kept for.
    beforeEach(async () => {
      await identity.dataSource.query('DELETE FROM face_capture_fingerprints');
    });

    async function enrolFace(user: Registered, image: string): Promise<void> {
      const { accessToken } = await login(accountsUrl, user);
      const bearer = `Bearer ${accessToken}`;
      await request(accountsUrl)
        .put('/api/accounts/me/consents/face_biometrics')
        .set('authorization', bearer)
        .send({ granted: true })
        .expect(200);
      await request(identity.url)
        .post('/api/identity/face/enrolment')
        .set('authorization', bearer)
        .send({ image: face(image), consent: true, consentPolicyVersion: '2026-11' })
        .expect(201);
    }

    async function faceCheck(
      ticket: string,
      frames: Record<Step, string>,
      ip = '127.0.0.1',
    ): Promise<CheckResult> {
      const asked = await request(identity.url)
        .post('/api/identity/face/pre-auth/challenges')
        .set('x-forwarded-for', ip)
        .send({ ticket })
        .expect(201);
      const challenge = asked.body as Challenge;
      const answered = await request(identity.url)
        .post('/api/identity/face/pre-auth/checks')
        .set('x-forwarded-for', ip)
        .send({
          ticket,
          challengeId: challenge.challengeId,
          nonce: challenge.nonce,
          frames: challenge.steps.map((s) => frames[s]),
          frameTimesMs: FRAME_TIMES_MS,
        })
        .expect(200);
      return answered.body as CheckResult;
    }

    async function riskySignIn(user: Registered): Promise<StepUpRequired> {
      // Audit's step-up decision sets this flag (covered by security-decisions.e2e-spec); here it is the starting point.
      await accounts.data.query('UPDATE users SET step_up_required = 1 WHERE id = ?', [user.userId]);
      const response = await request(accountsUrl)
        .post('/api/accounts/auth/login')
        .set('x-forwarded-for', freshIp())
        .send({ login: user.login, password: user.password })
        .expect(202);
      return response.body as StepUpRequired;
    }

    async function ticketFor(
      path: 'auth/face-login/ticket' | 'password-resets/face/ticket',
      loginName: string,
    ): Promise<string> {
      const response = await request(accountsUrl)
        .post(`/api/accounts/${path}`)
        .send({ login: loginName })
        .expect(200);
      return (response.body as { faceTicket: string }).faceTicket;
    }

    it('should complete a risky sign-in with a face check instead of the code, once', async () => {
      const challenged = await riskySignIn(enrolled);
      expect(challenged.methods).toEqual(['one_time_code', 'face']);
      if (challenged.faceTicket === undefined) throw new Error('no face ticket offered');

      const checked = await faceCheck(challenged.faceTicket, bernadette());
      expect(checked.decision).toMatchObject({ outcome: 'passed', passed: true });
      const faceCheckToken = checked.faceCheckToken ?? '';
      const done = await request(accountsUrl)
        .post('/api/accounts/auth/step-up/face')
        .send({ challengeId: challenged.challengeId, faceCheckToken })
        .expect(200);
      const again = await request(accountsUrl)
        .post('/api/accounts/auth/step-up/face')
        .send({ challengeId: challenged.challengeId, faceCheckToken });

      expect((done.body as { accessToken: string }).accessToken).toEqual(expect.any(String));
      expect(done.headers['set-cookie']).toEqual(
        expect.arrayContaining([expect.stringContaining('exam_refresh=')]),
      );
      expect(again.status).toBe(410);
      const attempts: { reason: string }[] = await accounts.data.query(
        "SELECT JSON_VALUE(envelope, '$.payload.reason') AS reason FROM outbox_events WHERE topic = 'accounts.login.attempted' AND JSON_VALUE(envelope, '$.subjectId') = ?",
        [enrolled.userId],
      );
      expect(attempts.map((a) => a.reason)).toEqual(expect.arrayContaining(['step_up_face_passed']));
      // The step-up is satisfied: the next sign-in is a plain one.
      await request(accountsUrl)
        .post('/api/accounts/auth/login')
        .set('x-forwarded-for', freshIp())
        .send({ login: enrolled.login, password: enrolled.password })
        .expect(200);
    });

    it('should refuse a face check of another person, one taken while signed in, and one for another challenge', async () => {
      const signedInToken = await signedInFaceCheckToken();
      const challenged = await riskySignIn(enrolled);

      const stranger = await faceCheck(challenged.faceTicket ?? '', sheldon());
      const withoutTicket = await request(accountsUrl)
        .post('/api/accounts/auth/step-up/face')
        .send({ challengeId: challenged.challengeId, faceCheckToken: signedInToken });
      const passed = (await faceCheck(challenged.faceTicket ?? '', bernadette())).faceCheckToken ?? '';
      const otherChallenge = await request(accountsUrl)
        .post('/api/accounts/auth/step-up/face')
        .send({ challengeId: '00000000-0000-4000-8000-000000000000', faceCheckToken: passed });

      expect(stranger).toMatchObject({
        decision: { outcome: 'face_mismatch', passed: false },
        faceCheckToken: null,
      });
      expect(withoutTicket.body).toMatchObject({ statusCode: 403, code: 'FACE_CHECK.WRONG_REQUEST' });
      expect(otherChallenge.status).toBe(410);
      await request(accountsUrl)
        .post('/api/accounts/auth/step-up/face')
        .send({ challengeId: challenged.challengeId, faceCheckToken: passed })
        .expect(200);
    });

    /** A face check the user takes while signed in (no ticket) yields a token bound to no request. */
    async function signedInFaceCheckToken(): Promise<string> {
      await accounts.data.query('UPDATE users SET step_up_required = 0 WHERE id = ?', [enrolled.userId]);
      const bearer = `Bearer ${(await login(accountsUrl, enrolled)).accessToken}`;
      const asked = (
        await request(identity.url)
          .post('/api/identity/face/challenges')
          .set('authorization', bearer)
          .send({ purpose: 'step_up' })
          .expect(201)
      ).body as Challenge;
      const frames = bernadette();
      const answered = await request(identity.url)
        .post('/api/identity/face/checks')
        .set('authorization', bearer)
        .send({
          challengeId: asked.challengeId,
          nonce: asked.nonce,
          frames: asked.steps.map((s) => frames[s]),
          frameTimesMs: FRAME_TIMES_MS,
        })
        .expect(200);
      // That check was an earlier session; the test data hold one genuine answer per person (see beforeEach).
      await identity.dataSource.query('DELETE FROM face_capture_fingerprints');
      return (answered.body as CheckResult).faceCheckToken ?? '';
    }

    it('should offer only the code to a user without face-biometrics consent', async () => {
      const plain = await registerActive(accountsUrl);

      const challenged = await riskySignIn(plain);

      expect(challenged.methods).toEqual(['one_time_code']);
      expect(challenged.faceTicket).toBeUndefined();
    });

    it('should sign in by face alone, once per face check', async () => {
      await accounts.data.query('UPDATE users SET step_up_required = 0 WHERE id = ?', [enrolled.userId]);
      // Face alone works on a device the account has signed in on (a new one needs the code too).
      await request(accountsUrl)
        .post('/api/accounts/auth/login')
        .set('x-forwarded-for', freshIp())
        .set('x-device-id', 'enrolled-own-device')
        .send({ login: enrolled.login, password: enrolled.password })
        .expect(200);
      const ticket = await ticketFor('auth/face-login/ticket', enrolled.login);
      const checked = await faceCheck(ticket, bernadette());
      const faceCheckToken = checked.faceCheckToken ?? '';

      const signedIn = await request(accountsUrl)
        .post('/api/accounts/auth/face-login')
        .set('x-forwarded-for', freshIp())
        .set('x-device-id', 'enrolled-own-device')
        .send({ faceCheckToken })
        .expect(200);
      const replay = await request(accountsUrl)
        .post('/api/accounts/auth/face-login')
        .send({ faceCheckToken });
      const forReset = await request(accountsUrl)
        .post('/api/accounts/password-resets/face/confirm')
        .send({ faceCheckToken, code: '123456', newPassword: 'Another-Horse-Battery-7' });

      expect((signedIn.body as { userId: string }).userId).toBe(enrolled.userId);
      expect(replay.body).toMatchObject({ statusCode: 409, code: 'AUTH.FACE_CHECK_USED' });
      expect(forReset.body).toMatchObject({ statusCode: 403, code: 'FACE_CHECK.WRONG_PURPOSE' });
    });

    it('should refuse a password reset answered with the frames of an earlier face sign-in', async () => {
      await accounts.data.query('UPDATE users SET step_up_required = 0 WHERE id = ?', [enrolled.userId]);
      const signIn = await faceCheck(await ticketFor('auth/face-login/ticket', enrolled.login), bernadette());
      expect(signIn.decision).toMatchObject({ outcome: 'passed', passed: true });

      // From its own address: the refused check counts against that network's pre-sign-in failure budget.
      const reset = await faceCheck(
        await ticketFor('password-resets/face/ticket', enrolled.login),
        bernadette(),
        freshIp(),
      );

      expect(reset.decision).toMatchObject({ outcome: 'liveness_failed', passed: false });
      expect(reset.decision.reason).toContain('earlier face check sent again');
      expect(reset.faceCheckToken).toBeNull();
    });

    it('should not tell whether an account exists or has a face: stable tickets, one "unavailable" answer', async () => {
      const unknown = `139${String(Date.now()).slice(-8)}`;
      const plain = await registerActive(accountsUrl, 'email');
      const first = await ticketFor('auth/face-login/ticket', unknown);
      const second = await ticketFor(
        'auth/face-login/ticket',
        `+86 ${unknown.slice(0, 3)}-${unknown.slice(3)}`,
      );
      const noFace = await ticketFor('auth/face-login/ticket', plain.login);
      const realWrittenTwoWays = [
        await ticketFor('auth/face-login/ticket', enrolled.login),
        await ticketFor('auth/face-login/ticket', `+86${enrolled.login}`),
      ];

      // The account is encrypted afresh in every ticket: no ticket names it, none links two logins.
      const subjects = [first, second, noFace, ...realWrittenTwoWays].map(subjectOf);
      expect(new Set(subjects).size).toBe(subjects.length);
      expect(subjects.join()).not.toContain(enrolled.userId);
      expect(subjects.join()).not.toContain(plain.userId);
      for (const ticket of [first, noFace]) {
        const response = await request(identity.url)
          .post('/api/identity/face/pre-auth/challenges')
          .send({ ticket });
        expect(response.body).toMatchObject({ statusCode: 409, code: 'FACE.SIGN_IN_UNAVAILABLE' });
      }
    });

    it('should refuse a ticket as an access token, an access token as a ticket, and a forged token', async () => {
      const ticket = await ticketFor('auth/face-login/ticket', enrolled.login);
      const { accessToken } = await login(accountsUrl, enrolled);

      const ticketAsAccess = await request(identity.url)
        .post('/api/identity/face/challenges')
        .set('authorization', `Bearer ${ticket}`)
        .send({ purpose: 'step_up' });
      const accessAsTicket = await request(identity.url)
        .post('/api/identity/face/pre-auth/challenges')
        .send({ ticket: accessToken });
      const forged = await request(accountsUrl)
        .post('/api/accounts/auth/face-login')
        .send({ faceCheckToken: `${ticket.slice(0, -4)}AAAA` });
      const malformed = await request(accountsUrl)
        .post('/api/accounts/auth/face-login')
        .send({ faceCheckToken: 'nope' });

      expect(ticketAsAccess.body).toMatchObject({ statusCode: 401, code: 'AUTH.UNAUTHENTICATED' });
      expect(accessAsTicket.body).toMatchObject({ statusCode: 401, code: 'FACE.TICKET_INVALID' });
      expect(forged.status).toBe(403);
      expect(malformed.body).toMatchObject({
        statusCode: 400,
        details: [expect.objectContaining({ field: 'faceCheckToken' })],
      });
    });

    it('should reset a forgotten password with a face check, end every session, and keep the policy', async () => {
      const before = await login(accountsUrl, enrolled);
      const ticket = await ticketFor('password-resets/face/ticket', enrolled.login);
      // The second factor: the reset code sent to the proven phone with the ticket.
      const code = await latestCode(accountsUrl, `+86${enrolled.login}`);
      const faceCheckToken = (await faceCheck(ticket, bernadette())).faceCheckToken ?? '';

      const weak = await request(accountsUrl)
        .post('/api/accounts/password-resets/face/confirm')
        .send({ faceCheckToken, code, newPassword: 'password' });
      await request(accountsUrl)
        .post('/api/accounts/password-resets/face/confirm')
        .send({ faceCheckToken, code, newPassword: 'Another-Horse-Battery-7' })
        .expect(204);

      expect(weak.status).toBe(400);
      await request(accountsUrl)
        .post('/api/accounts/auth/refresh')
        .set('cookie', before.refreshCookie)
        .expect(401);
      await request(accountsUrl)
        .post('/api/accounts/auth/login')
        .set('x-forwarded-for', freshIp())
        .send({ login: enrolled.login, password: STRONG_PASSWORD })
        .expect(401);
      await login(accountsUrl, { login: enrolled.login, password: 'Another-Horse-Battery-7' });
    });

    it("should stop a network that keeps failing face checks on other people's tickets, before any face work", async () => {
      const victim = await registerActive(accountsUrl);
      await enrolFace(victim, 'amy/amy1.png');
      const ticket = await ticketFor('auth/face-login/ticket', victim.login);
      for (let i = 0; i < 3; i++) {
        expect((await faceCheck(ticket, sheldon(), '203.0.113.77')).decision.passed).toBe(false);
      }

      const blocked = await request(identity.url)
        .post('/api/identity/face/pre-auth/challenges')
        .set('x-forwarded-for', '203.0.113.77')
        .send({ ticket });
      const elsewhere = await request(identity.url)
        .post('/api/identity/face/pre-auth/challenges')
        .set('x-forwarded-for', '203.0.113.78')
        .send({ ticket });

      expect(blocked.body).toMatchObject({ statusCode: 429, code: 'FACE.TOO_MANY_FAILURES_FROM_NETWORK' });
      expect(elsewhere.status).toBe(201);
      const stored: { ip_digest: string }[] = await identity.dataSource.query(
        'SELECT ip_digest FROM face_preauth_ip_failures',
      );
      expect(JSON.stringify(stored)).not.toContain('203.0.113');
    });
  },
);
