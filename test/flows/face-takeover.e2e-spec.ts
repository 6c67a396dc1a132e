import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { Topics } from '@exam/contracts';
import { Clock } from '@exam/platform';
import { generateFaceCheckKeyPair } from '@exam/platform/face-check';
import { describeWithData, expectEventually, ServiceTestBed, testJwtPublicKeys } from '@exam/testing';
import request from 'supertest';

import { type AccountsHarness, startAccounts } from '../../apps/accounts/test/accounts-harness';
import {
  freshIp,
  latestCode,
  type LoggedIn,
  registerActive,
  type Registered,
} from '../../apps/accounts/test/factories';
import { IdentityEnv } from '../../apps/identity/src/config/identity.env';
import { IdentityModule } from '../../apps/identity/src/identity.module';

const FACES = resolve(__dirname, '../..', '../shared/testdata/faces');
const describeWithFaces = describeWithData(FACES, 'the labelled test faces (kept outside the repository)');
const face = (relative: string): string => readFileSync(resolve(FACES, relative)).toString('base64');

type Step = 'turn_left' | 'turn_right' | 'look_straight';
interface Challenge {
  readonly challengeId: string;
  readonly nonce: string;
  readonly steps: Step[];
}
interface StepUp {
  readonly challengeId: string;
  readonly methods: string[];
  readonly faceTicket?: string;
}

const bernadette = (): Record<Step, string> => ({
  turn_left: face('bernadette/bernadette2.png'),
  turn_right: face('bernadette/bernadette4.png'),
  look_straight: face('bernadette/bernadette3.png'),
});

const HOUR_MS = 3_600_000;

/**
 * #12 items 2 and 0 across accounts and identity: an access token alone cannot (re-)enrol or withdraw a face,
 * a fresh face opens neither face sign-in nor recovery for the cooling period, face sign-in on a new device or
 * with a pending step-up needs the code, and recovery by face also needs the code.
 */
describeWithFaces('face takeover paths (accounts + identity e2e)', () => {
  const faceKeys = generateFaceCheckKeyPair('fc-takeover');
  let accounts: AccountsHarness;
  let identity: ServiceTestBed<IdentityEnv>;
  let url: string;
  let offsetMs = 0;

  beforeAll(async () => {
    accounts = await startAccounts({
      FACE_CHECK_PUBLIC_KEYS: faceKeys.publicKeys,
      CODE_RESEND_COOLDOWN_SECONDS: '0',
      FACE_ENROLMENT_COOLING_SECONDS: String(HOUR_MS / 1000),
    });
    url = accounts.service.url;
    const clock = accounts.service.app.get(Clock);
    const real = Date.now;
    jest.spyOn(clock, 'now').mockImplementation(() => new Date(real() + offsetMs));
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
        JWT_PUBLIC_KEYS: JSON.stringify({
          ...(JSON.parse(testJwtPublicKeys()) as Record<string, string>),
          'accounts-test': accounts.publicKeyPem,
        }),
        FACE_CHECK_KEY_ID: faceKeys.keyId,
        FACE_CHECK_PRIVATE_KEY: faceKeys.privateKey,
        // One event backbone, as deployed: identity's face enrolment events reach accounts (security notices),
        // on topics the accounts harness created (identity consumes only consent changes and erasures).
        KAFKA_TOPIC_PREFIX: accounts.bed.env.KAFKA_TOPIC_PREFIX,
      },
    });
  }, 180_000);

  afterAll(async () => {
    jest.restoreAllMocks();
    await identity.close();
    await accounts.close();
  });

  /** A password sign-in from a given device (the X-Device-Id of app clients). */
  async function signIn(user: Registered, device: string): Promise<LoggedIn & { deviceId: string }> {
    const response = await request(url)
      .post('/api/accounts/auth/login')
      .set('x-forwarded-for', freshIp())
      .set('x-device-id', device)
      .send({ login: user.login, password: user.password })
      .expect(200);
    const body = response.body as { accessToken: string; sessionId: string };
    return { accessToken: body.accessToken, sessionId: body.sessionId, refreshCookie: '', deviceId: device };
  }

  function enrol(accessToken: string, image: string): request.Test {
    return request(identity.url)
      .post('/api/identity/face/enrolment')
      .set('authorization', `Bearer ${accessToken}`)
      .send({ image: face(image), consent: true, consentPolicyVersion: '2026-11' });
  }

  async function consent(accessToken: string): Promise<void> {
    await request(url)
      .put('/api/accounts/me/consents/face_biometrics')
      .set('authorization', `Bearer ${accessToken}`)
      .send({ granted: true })
      .expect(200);
  }

  async function faceCheckToken(ticket: string): Promise<string> {
    // The test data hold one genuine answer per person, and a capture sent again is refused as a replay: each
    // check here stands for a new capture, so the fingerprints of earlier checks are forgotten first.
    await identity.dataSource.query('DELETE FROM face_capture_fingerprints');
    const asked = await request(identity.url)
      .post('/api/identity/face/pre-auth/challenges')
      .send({ ticket })
      .expect(201);
    const challenge = asked.body as Challenge;
    const frames = bernadette();
    const answered = await request(identity.url)
      .post('/api/identity/face/pre-auth/checks')
      .send({
        ticket,
        challengeId: challenge.challengeId,
        nonce: challenge.nonce,
        frames: challenge.steps.map((s) => frames[s]),
        // One capture session: taken 0.3, 0.9 and 1.5 s after the challenge (identity checks the timing).
        frameTimesMs: [300, 900, 1_500],
      })
      .expect(200);
    const token = (answered.body as { faceCheckToken: string | null }).faceCheckToken;
    if (token === null) throw new Error('the face check did not pass');
    return token;
  }

  async function ticket(path: 'auth/face-login/ticket' | 'password-resets/face/ticket', login: string) {
    const response = await request(url).post(`/api/accounts/${path}`).send({ login }).expect(200);
    return (response.body as { faceTicket: string }).faceTicket;
  }

  function faceLogin(token: string, device: string): request.Test {
    return request(url)
      .post('/api/accounts/auth/face-login')
      .set('x-forwarded-for', freshIp())
      .set('x-device-id', device)
      .send({ faceCheckToken: token });
  }

  let owner: Registered;
  const phoneDevice = 'owner-phone-0001';

  it('should refuse enrolment and withdrawal with a token whose sign-in is old, until the password is given again', async () => {
    owner = await registerActive(url);
    offsetMs = -20 * 60_000;
    const stale = await signIn(owner, phoneDevice);
    offsetMs = 0;
    await consent(stale.accessToken);

    const refused = await enrol(stale.accessToken, 'bernadette/bernadette1.png').expect(403);
    expect(refused.body).toMatchObject({ code: 'AUTH.RECENT_AUTHENTICATION_REQUIRED' });
    const withdraw = await request(identity.url)
      .delete('/api/identity/face/enrolment')
      .set('authorization', `Bearer ${stale.accessToken}`)
      .expect(403);
    expect(withdraw.body).toMatchObject({ code: 'AUTH.RECENT_AUTHENTICATION_REQUIRED' });

    const renewed = await request(url)
      .post('/api/accounts/auth/reauthenticate')
      .set('authorization', `Bearer ${stale.accessToken}`)
      .set('x-device-id', phoneDevice)
      .send({ password: owner.password })
      .expect(200);
    await enrol((renewed.body as { accessToken: string }).accessToken, 'bernadette/bernadette1.png').expect(
      201,
    );
    // The proven phone is told (identity's event, through both outboxes).
    await expectEventually(async () => {
      const mailbox = await request(url)
        .get('/api/accounts/dev/mailbox')
        .query({ to: `+86${owner.login}` });
      const texts = (mailbox.body as { messages: { text: string }[] }).messages.map((m) => m.text);
      expect(texts.join('\n')).toContain('A face was enrolled on your exam platform account');
    });
  });

  it('should keep face sign-in and recovery closed during the cooling period after enrolment', async () => {
    const signInToken = await faceCheckToken(await ticket('auth/face-login/ticket', owner.login));
    const early = await faceLogin(signInToken, phoneDevice).expect(403);
    expect(early.body).toMatchObject({ code: 'AUTH.FACE_RECENTLY_ENROLLED' });

    const resetTicket = await ticket('password-resets/face/ticket', owner.login);
    const code = await latestCode(url, `+86${owner.login}`);
    const resetToken = await faceCheckToken(resetTicket);
    const recovery = await request(url)
      .post('/api/accounts/password-resets/face/confirm')
      .send({ faceCheckToken: resetToken, code, newPassword: 'Another-Horse-Battery-7' })
      .expect(403);
    expect(recovery.body).toMatchObject({ code: 'AUTH.FACE_RECENTLY_ENROLLED' });
  });

  it('should sign in by face on a known device after the cooling period, but ask for the code on a new one', async () => {
    offsetMs = 2 * HOUR_MS;
    await faceLogin(
      await faceCheckToken(await ticket('auth/face-login/ticket', owner.login)),
      phoneDevice,
    ).expect(200);

    const stranger = await faceLogin(
      await faceCheckToken(await ticket('auth/face-login/ticket', owner.login)),
      'someone-elses-laptop',
    ).expect(202);
    const stepUp = stranger.body as StepUp;
    expect(stepUp.methods).toEqual(['one_time_code']);
    expect(stepUp.faceTicket).toBeUndefined();
    const code = await latestCode(url, `+86${owner.login}`);
    await request(url)
      .post('/api/accounts/auth/step-up')
      .set('x-device-id', 'someone-elses-laptop')
      .send({ challengeId: stepUp.challengeId, code })
      .expect(200);
  });

  it('should not let face sign-in clear a pending step-up', async () => {
    await accounts.data.query('UPDATE users SET step_up_required = 1 WHERE id = ?', [owner.userId]);
    const response = await faceLogin(
      await faceCheckToken(await ticket('auth/face-login/ticket', owner.login)),
      phoneDevice,
    ).expect(202);
    expect((response.body as StepUp).methods).toEqual(['one_time_code']);
    const rows: { step_up_required: number }[] = await accounts.data.query(
      'SELECT step_up_required FROM users WHERE id = ?',
      [owner.userId],
    );
    expect(rows[0]?.step_up_required).toBe(1);
    await accounts.data.query('UPDATE users SET step_up_required = 0 WHERE id = ?', [owner.userId]);
  });

  it('should reset the password by face only together with the code sent to the proven contact', async () => {
    const resetTicket = await ticket('password-resets/face/ticket', owner.login);
    const code = await latestCode(url, `+86${owner.login}`);
    const token = await faceCheckToken(resetTicket);
    const missing = await request(url)
      .post('/api/accounts/password-resets/face/confirm')
      .send({ faceCheckToken: token, newPassword: 'Another-Horse-Battery-7' })
      .expect(400);
    expect(JSON.stringify(missing.body)).toContain('code');
    const wrong = await request(url)
      .post('/api/accounts/password-resets/face/confirm')
      .send({
        faceCheckToken: token,
        code: code === '000000' ? '111111' : '000000',
        newPassword: 'Another-Horse-Battery-7',
      })
      .expect(400);
    expect(wrong.body).toMatchObject({ code: 'VERIFICATION.CODE_REJECTED' });
    await request(url)
      .post('/api/accounts/password-resets/face/confirm')
      .send({ faceCheckToken: token, code, newPassword: 'Another-Horse-Battery-7' })
      .expect(204);
    await request(url)
      .post('/api/accounts/auth/login')
      .set('x-forwarded-for', freshIp())
      .send({ login: owner.login, password: 'Another-Horse-Battery-7' })
      .expect(200);
  });
  it("should ask audit's risk engine before a face sign-in gets a token, and never allow without its answer", async () => {
    const signIn = async (): Promise<request.Response> =>
      faceLogin(await faceCheckToken(await ticket('auth/face-login/ticket', owner.login)), phoneDevice);
    try {
      const asked = accounts.risk.received.length;
      accounts.risk.decision = 'step_up';
      const stepped = await signIn();
      expect(stepped.status).toBe(202);
      expect((stepped.body as StepUp).methods).toEqual(['one_time_code']);
      expect(accounts.risk.received.length).toBe(asked + 1);

      accounts.risk.decision = 'allow';
      accounts.risk.fail = true;
      expect((await signIn()).status).toBe(202);

      accounts.risk.fail = false;
      accounts.risk.decision = 'block';
      const blocked = await signIn();
      expect(blocked.status).toBe(403);
      expect(blocked.body).toMatchObject({ code: 'AUTH.ACCOUNT_LOCKED' });
      expect(blocked.body).not.toHaveProperty('accessToken');
    } finally {
      accounts.risk.reset();
    }
  });
});
