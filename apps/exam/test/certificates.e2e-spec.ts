import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { Topics } from '@exam/contracts';
import { generateEd25519KeyPair } from '@exam/platform';
import { expectEventually, type ProbedMessage, type ServiceTestBed } from '@exam/testing';

import { verifyCertificatePdf } from '../../../scripts/verify-certificate';
import type { ExamEnv } from '../src/config/exam.env';
import { longCaller } from './support/attempt-fixtures';
import { type Caller, ExamClient, staff, startExamBed } from './support/exam-bed';
import { ExamDriver } from './support/result-fixtures';

const ROOT = resolve(__dirname, '..', '..', '..');
const NOTO = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
const DEJAVU = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';

/** Runs the offline verifier as a person would: only the PDF file and the published public keys. */
function runVerifier(pdf: Buffer, keys: string): { status: number | null; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'certificate-'));
  try {
    const file = join(dir, 'certificate.pdf');
    writeFileSync(file, pdf);
    const run = spawnSync(
      process.execPath,
      ['-r', '@swc-node/register', 'scripts/verify-certificate.ts', file, keys],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CERTIFICATE_PUBLIC_KEYS: '' } },
    );
    return { status: run.status, output: run.stdout };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('exam certificates (e2e)', () => {
  let bed: ServiceTestBed<ExamEnv>;
  let api: ExamClient;
  let driver: ExamDriver;
  let issued: ProbedMessage[];
  let examId: string;
  let holder: Caller;
  let attemptId: string;
  const institution = randomUUID();

  beforeAll(async () => {
    // The admission-ticket font prints certificates too; machines without Noto CJK print Latin glyphs.
    const font: Record<string, string> = existsSync(NOTO) ? {} : { TICKET_FONT_PATH: DEJAVU };
    bed = await startExamBed({ EXAM_FINALISE_INTERVAL_SECONDS: '0', ...font });
    api = new ExamClient(bed.url);
    driver = new ExamDriver(bed, api, institution);
    await driver.init();
    issued = await bed.collect(Topics.CertificateIssued);
    examId = await driver.publishedExam(
      { title: 'Certified exam' },
      {
        resultsRelease: 'immediately',
        passScore: 5,
        certificate: { enabled: true, title: 'Certificate of Algebra' },
      },
    );
    holder = longCaller('candidate');
    await bed.dataSource.query(
      `INSERT INTO verified_candidates (user_id, verification_id, masked_name, masked_id_number, minor, verified_at)
       VALUES (?, ?, '**明', '1101**********1234', 0, ?)`,
      [holder.userId, randomUUID(), driver.t0],
    );
    ({ attemptId } = await driver.take(
      examId,
      { single: true, multiple: true, trueFalse: true },
      { candidate: holder },
    ));
  }, 120_000);

  afterAll(async () => {
    await bed.close();
  });

  const issue = (exam: string, caller: Caller) => api.call('post', `/me/exams/${exam}/certificate`, caller);
  const verify = (code: string) => api.call('get', `/certificates/${encodeURIComponent(code)}`, null);

  it('should issue a certificate once, however often and in parallel it is asked for', async () => {
    const replies = await Promise.all([1, 2, 3, 4].map(() => issue(examId, holder)));
    expect(replies.map((r) => r.status).sort()).toEqual([200, 200, 200, 201]);
    const codes = new Set(replies.map((r) => r.body.verificationCode));
    expect(codes.size).toBe(1);
    const first = replies[0];
    expect(first.body).toMatchObject({
      examId,
      title: 'Certificate of Algebra',
      holder: '**明',
      score: 7,
      maxScore: 14,
      revoked: false,
    });
    expect(first.body.verificationCode).toMatch(/^[A-Z2-7]{24}$/);
    expect(first.body.verifyUrl).toBe(
      `http://localhost:3000/api/exam/certificates/${String(first.body.verificationCode)}`,
    );
    expect((await issue(examId, holder)).status).toBe(200);
    const rows: unknown[] = await bed.dataSource.query('SELECT id FROM exam_certificates WHERE exam_id = ?', [
      examId,
    ]);
    expect(rows).toHaveLength(1);
    await expectEventually(() => {
      const mine = issued.filter(
        (m) => (JSON.parse(m.value ?? '{}') as { payload: { examId: string } }).payload.examId === examId,
      );
      expect(mine).toHaveLength(1);
      expect(m0(mine)).toMatchObject({ payload: { userId: holder.userId, attemptId } });
      expect(mine[0]?.value).not.toContain('**明');
    });
  });

  it('should verify a code publicly with only the masked name, title and date, and refuse unknown codes', async () => {
    const mine = await api.call('get', `/me/exams/${examId}/certificate`, holder);
    const code = mine.body.verificationCode as string;
    const reply = await verify(code);
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      valid: true,
      status: 'valid',
      holder: '**明',
      title: 'Certificate of Algebra',
      issuedOn: mine.body.issuedOn,
      revokedOn: null,
    });
    expect(reply.text).not.toContain(holder.userId);
    const typed = `${code.slice(0, 8).toLowerCase()}-${code.slice(8, 16)} ${code.slice(16)}`;
    expect((await verify(typed)).body).toMatchObject({ valid: true });
    expect(await verify('A'.repeat(24))).toMatchObject({
      status: 404,
      body: { code: 'CERTIFICATE.UNKNOWN_CODE' },
    });
    expect(await verify('not-a-code')).toMatchObject({
      status: 404,
      body: { code: 'CERTIFICATE.UNKNOWN_CODE' },
    });
    expect((await verify('x'.repeat(65))).status).toBe(400);
  });

  it('should print a PDF that verifies offline with only the public key, and fails when tampered', async () => {
    const keys = await api.call('get', '/certificates/public-keys', null);
    expect(keys).toMatchObject({ status: 200, body: { algorithm: 'Ed25519' } });
    const published = (keys.body.keys as { keyId: string; publicKey: string }[])
      .map((k) => `${k.keyId}=${k.publicKey}`)
      .join(',');
    const pdf = await api.call('get', `/me/exams/${examId}/certificate.pdf`, holder, undefined, true);
    expect(pdf.status).toBe(200);
    const bytes = pdf.raw ?? Buffer.alloc(0);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const code = (await api.call('get', `/me/exams/${examId}/certificate`, holder)).body.verificationCode;

    const genuine = runVerifier(bytes, published);
    expect(genuine.status).toBe(0);
    expect(JSON.parse(genuine.output)).toMatchObject({
      valid: true,
      payload: { code, examId, holder: '**明', title: 'Certificate of Algebra', score: 7, maxScore: 14 },
    });

    // Raise the score inside the signed payload: the signature no longer matches.
    const text = bytes.toString('latin1');
    const token = /ECERT1\.[A-Za-z0-9_-]+\.([A-Za-z0-9_-]+)\.[A-Za-z0-9_-]+/.exec(text);
    const body = token?.[1] ?? '';
    const forgedBody = Buffer.from(
      Buffer.from(body, 'base64url').toString('utf8').replace('"score":7', '"score":14'),
    ).toString('base64url');
    const tampered = Buffer.from(text.split(body).join(forgedBody), 'latin1');
    const refused = runVerifier(tampered, published);
    expect(refused.status).toBe(1);
    expect(JSON.parse(refused.output)).toEqual({ valid: false, reason: 'bad_signature' });
    expect(verifyCertificatePdf(bytes, generateEd25519KeyPair('cedev1').publicKeys)).toEqual({
      valid: false,
      reason: 'bad_signature',
    });
    expect(runVerifier(bytes, '').status).toBe(2);
  });

  it('should refuse a certificate without a pass, without an offer, before release or to the wrong caller', async () => {
    const failing = await driver.take(examId, { trueFalse: true });
    expect(await issue(examId, failing.candidate)).toMatchObject({
      status: 409,
      body: { code: 'CERTIFICATE.NOT_PASSED' },
    });
    const plain = await driver.publishedExam({}, { resultsRelease: 'immediately', passScore: 1 });
    const passedPlain = await driver.take(plain, { single: true });
    expect(await issue(plain, passedPlain.candidate)).toMatchObject({
      status: 409,
      body: { code: 'CERTIFICATE.NOT_OFFERED' },
    });
    const held = await driver.publishedExam(
      {},
      { resultsRelease: 'after_marking', passScore: 1, certificate: { enabled: true } },
    );
    const waiting = await driver.take(held, { single: true });
    expect(await issue(held, waiting.candidate)).toMatchObject({
      status: 409,
      body: { code: 'RESULT.AWAITING_STAFF_RELEASE' },
    });
    const stranger = longCaller('candidate');
    expect(await issue(examId, stranger)).toMatchObject({ status: 404, body: { code: 'RESULT.NOT_FOUND' } });
    expect(await api.call('get', `/me/exams/${examId}/certificate`, stranger)).toMatchObject({
      status: 404,
      body: { code: 'CERTIFICATE.NOT_ISSUED' },
    });
    expect((await api.call('get', `/me/exams/${examId}/certificate.pdf`, stranger)).status).toBe(404);
    expect((await issue(examId, staff(institution, 'org_admin'))).status).toBe(403);
    expect((await api.call('post', `/me/exams/${examId}/certificate`, null)).status).toBe(401);
    expect((await api.call('post', `/me/exams/not-a-uuid/certificate`, holder)).status).toBe(400);
  });

  it('should revoke a certificate whose attempt is terminated or regraded below the pass score', async () => {
    const regraded = await driver.take(examId, { single: true, multiple: true });
    const cert = await issue(examId, regraded.candidate);
    expect(cert.status).toBe(201);
    // The marking flow lowers the final total below the pass score (5).
    await bed.dataSource.query('UPDATE exam_attempts SET score = 4 WHERE id = ?', [regraded.attemptId]);
    expect((await verify(cert.body.verificationCode as string)).body).toMatchObject({
      valid: false,
      status: 'revoked',
    });
    expect(
      await api.call('get', `/me/exams/${examId}/certificate.pdf`, regraded.candidate, undefined, true),
    ).toMatchObject({
      status: 410,
    });
    const row: { revoked_reason: string }[] = await bed.dataSource.query(
      'SELECT revoked_reason FROM exam_certificates WHERE verification_code = ?',
      [cert.body.verificationCode],
    );
    expect(row[0]?.revoked_reason).toBe('regraded_below_pass');

    const code = (await api.call('get', `/me/exams/${examId}/certificate`, holder)).body
      .verificationCode as string;
    await bed.dataSource.query("UPDATE exam_attempts SET status = 'terminated' WHERE id = ?", [attemptId]);
    const revoked = await verify(code);
    expect(revoked.body).toMatchObject({ valid: false, status: 'revoked', holder: '**明' });
    expect(revoked.body.revokedOn).toEqual(expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/));
    expect((await api.call('get', `/me/exams/${examId}/certificate`, holder)).body).toMatchObject({
      revoked: true,
      revokedReason: 'attempt_terminated',
    });
  });
});

function m0(messages: readonly ProbedMessage[]): unknown {
  return JSON.parse(messages[0]?.value ?? '{}');
}
