import { randomUUID } from 'node:crypto';

import { Topics } from '@exam/contracts';
import { EventPublisher } from '@exam/platform';
import { Clock } from '@exam/platform';
import { expectEventually, type ProbedMessage, type ServiceTestBed } from '@exam/testing';
import { DataSource } from 'typeorm';

import { AnswerKeyResolver } from '../src/attempt/answer-key-resolver';
import { AttemptEntity } from '../src/attempt/attempt.entity';
import { AttemptRepository } from '../src/attempt/attempt.repository';
import { AttemptAnswerEntity } from '../src/attempt/attempt-answer.entity';
import { AttemptClosingService } from '../src/attempt/attempt-closing.service';
import { answerKeyOf } from '../src/attempt/domain/attempt-paper';
import { PaperSnapshotCache } from '../src/attempt/paper-snapshot-cache';
import type { ExamEnv } from '../src/config/exam.env';
import { ExamEntity } from '../src/exam/exam.entity';
import { ExamRepository } from '../src/exam/exam.repository';
import { ExamAccommodationEntity } from '../src/exam/exam-accommodation.entity';
import type { CandidatePaper, PaperSnapshot } from '../src/paper/paper-structure';
import {
  attemptExamBody,
  attemptPaper,
  type AttemptPaperFixture,
  device,
  faceCheckIssuer,
  HOUR,
  longCaller,
  MINUTE,
  ServiceClock,
} from './support/attempt-fixtures';
import { type Caller, ExamClient, type Reply, startExamBed } from './support/exam-bed';

interface SubmittedEvent {
  attemptId: string;
  closedBy: string;
  status: string;
  objectiveScore: number;
  maxScore: number;
  needsMarking: boolean;
}

describe('exam attempts (e2e)', () => {
  let bed: ServiceTestBed<ExamEnv>;
  let api: ExamClient;
  let clock: ServiceClock;
  let fixture: AttemptPaperFixture;
  let submitted: ProbedMessage[];
  const institution = randomUUID();
  const admin = longCaller({ institutionId: institution, role: 'org_admin' });
  const t0 = new Date(Math.floor(Date.now() / 1000) * 1000);
  const atOpen = (minutes = 5) => new Date(t0.getTime() + HOUR + minutes * MINUTE);
  const inst = (path: string) => `/institutions/${institution}${path}`;

  beforeAll(async () => {
    bed = await startExamBed({ EXAM_FINALISE_INTERVAL_SECONDS: '0', EXAM_SAVE_GRACE_SECONDS: '30' });
    api = new ExamClient(bed.url);
    clock = new ServiceClock(bed);
    clock.set(t0);
    fixture = await attemptPaper(api, admin, institution);
    submitted = await bed.collect(Topics.AttemptSubmitted);
  }, 120_000);

  afterAll(async () => {
    await bed.close();
  });

  async function publishedExam(
    over: Record<string, unknown> = {},
    settings: Record<string, unknown> = {},
  ): Promise<string> {
    clock.set(t0);
    const exam = await api.call(
      'post',
      inst('/exams'),
      admin,
      attemptExamBody(fixture.paperId, t0, over, settings),
    );
    expect(exam.status).toBe(201);
    const id = exam.body.examId as string;
    expect((await api.call('post', inst(`/exams/${id}/publish`), admin)).status).toBe(200);
    return id;
  }

  async function registered(examId: string, candidate: Caller = longCaller('candidate')): Promise<Caller> {
    clock.set(t0);
    const reply = await api.call('post', `/exams/${examId}/registrations`, candidate, { answers: [] });
    expect(reply.status).toBe(201);
    return candidate;
  }

  function start(
    caller: Caller,
    examId: string,
    dev: Record<string, string>,
    body: Record<string, unknown> = {},
  ): Promise<Reply> {
    return api.send('post', `/exams/${examId}/attempts`, caller, dev, body);
  }

  function save(
    caller: Caller,
    attemptId: string,
    questionId: string,
    dev: Record<string, string>,
    seq: number,
    answer: Record<string, unknown>,
    idempotencyKey = `key-${seq}-${randomUUID().slice(0, 8)}`,
  ): Promise<Reply> {
    return api.send('put', `/attempts/${attemptId}/answers/${questionId}`, caller, dev, {
      seq,
      idempotencyKey,
      answer,
    });
  }

  async function startedAttempt(
    examId: string,
    candidate: Caller,
    dev: Record<string, string>,
  ): Promise<string> {
    const reply = await start(candidate, examId, dev);
    expect(reply).toMatchObject({ status: 201, body: { status: 'in_progress' } });
    return reply.body.attemptId as string;
  }

  async function attemptRow(attemptId: string): Promise<Record<string, unknown>> {
    const rows: Record<string, unknown>[] = await bed.dataSource.query(
      'SELECT status, closed_by, objective_score, question_scores, live FROM exam_attempts WHERE id = ?',
      [attemptId],
    );
    expect(rows).toHaveLength(1);
    return rows[0] ?? {};
  }

  function eventsOf(attemptId: string): SubmittedEvent[] {
    return submitted
      .map((m) => (JSON.parse(m.value ?? '{}') as { payload: SubmittedEvent }).payload)
      .filter((p) => p.attemptId === attemptId);
  }

  describe('start', () => {
    it('should refuse outside the window and after late entry, each with its own code', async () => {
      const examId = await publishedExam();
      const candidate = await registered(examId);
      const phone = device('phone');
      clock.set(new Date(t0.getTime() + 30 * MINUTE));
      expect(await start(candidate, examId, phone)).toMatchObject({
        status: 409,
        body: { code: 'ATTEMPT.EXAM_NOT_OPEN' },
      });
      clock.set(atOpen(31));
      expect(await start(candidate, examId, phone)).toMatchObject({
        status: 409,
        body: { code: 'ATTEMPT.LATE_ENTRY_CLOSED' },
      });
      clock.set(new Date(t0.getTime() + 4 * HOUR + 1000));
      expect(await start(candidate, examId, phone)).toMatchObject({
        status: 409,
        body: { code: 'ATTEMPT.EXAM_CLOSED' },
      });
      clock.set(atOpen(29));
      expect((await start(candidate, examId, phone)).status).toBe(201);
    });

    it('should refuse a candidate without a confirmed, paid registration or a verified real name', async () => {
      const plain = await publishedExam();
      clock.set(atOpen());
      expect(await start(longCaller('candidate'), plain, device('pc'))).toMatchObject({
        status: 403,
        body: { code: 'ATTEMPT.NOT_REGISTERED' },
      });

      const reviewed = await publishedExam({ requiresApproval: true });
      const waiting = await registered(reviewed);
      clock.set(atOpen());
      expect(await start(waiting, reviewed, device('pc'))).toMatchObject({
        status: 403,
        body: { code: 'ATTEMPT.REGISTRATION_PENDING_REVIEW' },
      });

      const paid = await publishedExam({ feeFen: 5000 });
      const unpaid = await registered(paid);
      clock.set(atOpen());
      const refused = await start(unpaid, paid, device('pc'));
      expect(refused).toMatchObject({ status: 403, body: { code: 'ATTEMPT.PAYMENT_REQUIRED' } });
      expect(refused.body.message).toContain('50.00 CNY');

      const realName = await publishedExam({ requiresRealName: true });
      const revoked = longCaller('candidate');
      await bed.dataSource.query(
        `INSERT INTO verified_candidates (user_id, verification_id, masked_name, masked_id_number, minor, verified_at)
         VALUES (?, ?, '张*', '1101**********1234', 0, ?)`,
        [revoked.userId, randomUUID(), t0],
      );
      await registered(realName, revoked);
      // The verification was revoked after registering (appeal, guardian consent withdrawn).
      await bed.dataSource.query('DELETE FROM verified_candidates WHERE user_id = ?', [revoked.userId]);
      clock.set(atOpen());
      expect(await start(revoked, realName, device('pc'))).toMatchObject({
        status: 403,
        body: { code: 'ATTEMPT.REAL_NAME_REQUIRED' },
      });
    });

    it('should check the access password, the IP range, the device id and the attempts left', async () => {
      const locked = await publishedExam({}, { accessPassword: 'door-4321' });
      const candidate = await registered(locked);
      clock.set(atOpen());
      const pc = device('pc');
      expect(await start(candidate, locked, pc)).toMatchObject({
        status: 403,
        body: { code: 'ATTEMPT.ACCESS_PASSWORD_WRONG' },
      });
      expect(await start(candidate, locked, pc, { accessPassword: 'door-0000' })).toMatchObject({
        status: 403,
        body: { code: 'ATTEMPT.ACCESS_PASSWORD_WRONG' },
      });
      expect(await start(candidate, locked, {}, { accessPassword: 'door-4321' })).toMatchObject({
        status: 400,
        body: { code: 'ATTEMPT.DEVICE_ID_REQUIRED' },
      });
      const first = await start(candidate, locked, pc, { accessPassword: 'door-4321' });
      expect(first.status).toBe(201);
      const attemptId = first.body.attemptId as string;
      expect((await api.send('post', `/attempts/${attemptId}/submit`, candidate, pc)).body).toMatchObject({
        status: 'graded',
      });
      expect(await start(candidate, locked, pc, { accessPassword: 'door-4321' })).toMatchObject({
        status: 409,
        body: { code: 'ATTEMPT.NO_ATTEMPTS_LEFT' },
      });

      const centre = await publishedExam({}, { allowedIpRanges: ['10.0.0.0/8'] });
      const outside = await registered(centre);
      clock.set(atOpen());
      expect(await start(outside, centre, pc)).toMatchObject({
        status: 403,
        body: { code: 'ATTEMPT.IP_NOT_ALLOWED' },
      });
      const local = await publishedExam({}, { allowedIpRanges: ['127.0.0.0/8', '::1/128'] });
      const inside = await registered(local);
      clock.set(atOpen());
      expect((await start(inside, local, pc)).status).toBe(201);
    });

    it('should take a face-check token for this exam and user once, refusing replays and wrong tokens', async () => {
      const examId = await publishedExam({}, { faceCheckAtEntry: true, attemptsAllowed: 3 });
      const otherExam = await publishedExam({}, { faceCheckAtEntry: true });
      // Exams that check faces at entry take only candidates whose real name was verified with the face step.
      const faceVerified = longCaller('candidate');
      await bed.dataSource.query(
        `INSERT INTO verified_candidates (user_id, verification_id, masked_name, masked_id_number, minor, face_verified, verified_at)
         VALUES (?, ?, '李*', '1101**********5678', 0, 1, ?)`,
        [faceVerified.userId, randomUUID(), t0],
      );
      const candidate = await registered(examId, faceVerified);
      clock.set(atOpen());
      const faces = faceCheckIssuer(clock);
      const token = (userId: string, exam: string) =>
        faces.issue({ userId, purpose: 'exam_start', examId: exam, verificationId: randomUUID() }).token;
      const pc = device('pc');
      expect(await start(candidate, examId, pc)).toMatchObject({
        status: 403,
        body: { code: 'ATTEMPT.FACE_CHECK_REQUIRED' },
      });
      expect(
        await start(candidate, examId, pc, { faceCheckToken: token(candidate.userId, otherExam) }),
      ).toMatchObject({ status: 403, body: { code: 'FACE_CHECK.WRONG_EXAM' } });
      expect(
        await start(candidate, examId, pc, { faceCheckToken: token(randomUUID(), examId) }),
      ).toMatchObject({ status: 403, body: { code: 'FACE_CHECK.WRONG_USER' } });
      expect(await start(candidate, examId, pc, { faceCheckToken: 'not.a.token' })).toMatchObject({
        status: 403,
        body: { code: 'FACE_CHECK.MALFORMED' },
      });
      const good = token(candidate.userId, examId);
      const first = await start(candidate, examId, pc, { faceCheckToken: good });
      expect(first.status).toBe(201);
      await api.send('post', `/attempts/${first.body.attemptId as string}/submit`, candidate, pc);
      expect(await start(candidate, examId, pc, { faceCheckToken: good })).toMatchObject({
        status: 409,
        body: { code: 'ATTEMPT.FACE_CHECK_REPLAYED' },
      });
      const again = await start(candidate, examId, pc, { faceCheckToken: token(candidate.userId, examId) });
      expect(again).toMatchObject({ status: 201, body: { attemptNumber: 2 } });
      const used: { n: number | string }[] = await bed.dataSource.query(
        'SELECT COUNT(*) AS n FROM attempt_face_checks WHERE user_id = ?',
        [candidate.userId],
      );
      expect(Number(used[0]?.n)).toBe(2);
    });

    it('should create one attempt for concurrent double starts and give every caller the same one', async () => {
      const examId = await publishedExam();
      const candidate = await registered(examId);
      clock.set(atOpen());
      const pc = device('pc');
      const replies = await Promise.all(Array.from({ length: 8 }, () => start(candidate, examId, pc)));
      expect(replies.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
      expect(new Set(replies.map((r) => r.body.attemptId)).size).toBe(1);
      expect(replies.filter((r) => r.body.resumed === true)).toHaveLength(7);
      const rows: { n: number | string }[] = await bed.dataSource.query(
        'SELECT COUNT(*) AS n FROM exam_attempts WHERE exam_id = ? AND user_id = ?',
        [examId, candidate.userId],
      );
      expect(Number(rows[0]?.n)).toBe(1);
      expect(await start(candidate, examId, device('tablet'))).toMatchObject({
        status: 409,
        body: { code: 'ATTEMPT.HELD_BY_OTHER_DEVICE' },
      });
    });

    it('should start on the exam room route (POST /attempts, the exam in the body) as on the exam route, refusing a bad body', async () => {
      const examId = await publishedExam();
      const candidate = await registered(examId);
      clock.set(atOpen());
      const pc = device('pc');
      const first = await api.send('post', '/attempts', candidate, pc, { examId });
      expect(first).toMatchObject({ status: 201, body: { status: 'in_progress', examId } });
      // Either route gives the running attempt back to its device, and neither makes a second one.
      const again = await start(candidate, examId, pc);
      expect(again).toMatchObject({ status: 200, body: { attemptId: first.body.attemptId, resumed: true } });
      expect(await api.send('post', '/attempts', candidate, pc, { examId })).toMatchObject({
        status: 200,
        body: { attemptId: first.body.attemptId },
      });
      for (const [body, field] of [
        [{}, 'examId'],
        [{ examId: 'exam-1' }, 'examId'],
        [{ examId, extra: 1 }, 'extra'],
        [{ examId, accessPassword: 42 }, 'accessPassword'],
      ] as const) {
        const refused = await api.send('post', '/attempts', candidate, pc, body);
        expect({ body, status: refused.status, code: refused.body.code }).toEqual({
          body,
          status: 400,
          code: 'REQUEST.INVALID',
        });
        expect(JSON.stringify(refused.body)).toContain(field);
      }
      expect(await api.send('post', '/attempts', candidate, pc, { examId: randomUUID() })).toMatchObject({
        status: 404,
        body: { code: 'EXAM.NOT_FOUND' },
      });
      expect(await api.send('post', '/attempts', longCaller('candidate'), pc, { examId })).toMatchObject({
        status: 403,
        body: { code: 'ATTEMPT.NOT_REGISTERED' },
      });
    });

    it('should compute the deadline on the server, with extra time for an accommodation', async () => {
      const examId = await publishedExam();
      const plain = await registered(examId);
      const extra = await registered(examId);
      const acc = await api.call('put', inst(`/exams/${examId}/accommodations/${extra.userId}`), admin, {
        extraMinutes: 15,
        extraAttempts: 0,
      });
      expect(acc.status).toBe(200);
      const startedAt = atOpen(10);
      clock.set(startedAt);
      const a = await start(plain, examId, device('pc'));
      const b = await start(extra, examId, device('pc'));
      const deadline = (r: Reply) => (r.body.clock as { deadline: string }).deadline;
      expect(deadline(a)).toBe(new Date(startedAt.getTime() + 60 * MINUTE).toISOString());
      expect(deadline(b)).toBe(new Date(startedAt.getTime() + 75 * MINUTE).toISOString());
      expect(a.body.clock).toMatchObject({ serverTime: startedAt.toISOString(), remainingSeconds: 3600 });
      expect(a.body.startedAt).toBe(startedAt.toISOString());
    });

    it('should deliver the paper without answers, scores of the key or explanations', async () => {
      const examId = await publishedExam();
      const candidate = await registered(examId);
      clock.set(atOpen());
      const pc = device('pc');
      const reply = await start(candidate, examId, pc);
      expect(reply.status).toBe(201);
      // The start answers with the attempt and where its paper is, never the paper itself.
      const attemptId = reply.body.attemptId as string;
      expect(reply.body.paperUrl).toBe(`/api/exam/attempts/${attemptId}/paper`);
      expect(reply.body).not.toHaveProperty('paper');
      const alone = await api.send('get', `/attempts/${attemptId}/paper`, candidate, {});
      expect(alone.status).toBe(200);
      const paper = alone.body as { totalScore: number; sections: { questions: unknown[] }[] };
      expect(paper.totalScore).toBe(14);
      expect(paper.sections[0]?.questions).toHaveLength(5);
      for (const secret of ['correct', 'rubric', 'explanation', '北京', 'accepted', '"answer"'])
        expect(alone.text).not.toContain(secret);
      // Staff edit the question after the start: the attempt keeps the paper it was given.
      const edit = await api.call(
        'put',
        inst(`/banks/${fixture.bankId}/questions/${fixture.q.single}`),
        admin,
        {
          type: 'single',
          stem: 'edited after the start',
          score: 2,
          difficulty: 1,
          options: [
            { text: 'new right', correct: true },
            { text: 'new wrong', correct: false },
          ],
        },
      );
      expect(edit.status).toBe(200);
      const again = await api.send('get', `/attempts/${attemptId}`, candidate, pc);
      expect(again.status).toBe(200);
      expect(again.body).not.toHaveProperty('paper');
      const paperAgain = await api.send('get', `/attempts/${attemptId}/paper`, candidate, {});
      expect(paperAgain.body).toEqual(alone.body);
      expect(paperAgain.text).not.toContain('edited after the start');
      // The paper alone: immutable, revalidated with its ETag (304, no body), in the coding the client accepts.
      expect(alone.headers['cache-control']).toBe('private, max-age=86400, immutable');
      expect(alone.headers.vary).toBe('accept-encoding');
      expect(alone.headers['content-encoding']).toBe('gzip'); // supertest asks for gzip and inflates it
      for (const [accept, coding] of [
        ['br, gzip', 'br'],
        ['identity', null],
      ] as const) {
        const fetched = await fetch(`${bed.url}/api/exam/attempts/${attemptId}/paper`, {
          headers: { authorization: `Bearer ${candidate.token}`, 'accept-encoding': accept },
        });
        expect(fetched.status).toBe(200);
        expect(fetched.headers.get('content-encoding')).toBe(coding);
        expect(await fetched.json()).toEqual(alone.body); // fetch decodes br
      }
      const revalidated = await api.send(
        'get',
        `/attempts/${reply.body.attemptId as string}/paper`,
        candidate,
        {
          'if-none-match': alone.headers.etag,
        },
      );
      expect(revalidated.status).toBe(304);
      expect(revalidated.text).toBe('');
    });

    it('should let anyone start a practice exam without registering, as often as they like', async () => {
      clock.set(t0);
      const body = attemptExamBody(
        fixture.paperId,
        t0,
        {
          practice: true,
          registrationOpensAt: undefined,
          registrationClosesAt: undefined,
          capacity: undefined,
        },
        { attemptsAllowed: 0 },
      );
      const exam = await api.call('post', inst('/exams'), admin, body);
      expect(exam.status).toBe(201);
      // Unlimited attempts (0) are for practice only: an exam is told the allowed range.
      const unlimitedExam = await api.call(
        'post',
        inst('/exams'),
        admin,
        attemptExamBody(fixture.paperId, t0, {}, { attemptsAllowed: 0 }),
      );
      expect(unlimitedExam).toMatchObject({
        status: 400,
        body: { details: [{ field: 'settings.attemptsAllowed' }] },
      });
      const examId = exam.body.examId as string;
      expect((await api.call('post', inst(`/exams/${examId}/publish`), admin)).status).toBe(200);
      clock.set(atOpen(45));
      const learner = longCaller('candidate');
      const pc = device('pc');
      for (const attemptNumber of [1, 2, 3]) {
        const started = await start(learner, examId, pc);
        expect(started).toMatchObject({ status: 201, body: { attemptNumber } });
        const id = started.body.attemptId as string;
        expect((await api.send('post', `/attempts/${id}/submit`, learner, pc)).status).toBe(200);
      }
    });
  });

  describe('autosave and resume', () => {
    it('should keep the highest sequence through retries, reordering and two tabs saving at once', async () => {
      const examId = await publishedExam();
      const candidate = await registered(examId);
      clock.set(atOpen());
      const pc = device('pc');
      const attemptId = await startedAttempt(examId, candidate, pc);
      const { single, multiple } = fixture.q;

      const retries = await Promise.all(
        [1, 2, 3].map(() => save(candidate, attemptId, single, pc, 4, { choice: 'B' }, 'retry-key-0004')),
      );
      for (const r of retries)
        expect(r).toMatchObject({
          status: 200,
          body: { applied: true, held: { seq: 4, answer: { choice: 'B' } } },
        });

      const newer = await save(candidate, attemptId, single, pc, 9, { choice: 'A' });
      expect(newer).toMatchObject({ status: 200, body: { applied: true, held: { seq: 9 } } });
      const late = await save(candidate, attemptId, single, pc, 5, { choice: 'B' });
      expect(late).toMatchObject({
        status: 200,
        body: { applied: false, held: { seq: 9, answer: { choice: 'A' } } },
      });
      const retryOfOld = await save(candidate, attemptId, single, pc, 4, { choice: 'B' }, 'retry-key-0004');
      expect(retryOfOld.body).toMatchObject({ applied: false, held: { seq: 9, answer: { choice: 'A' } } });

      // Two tabs of the same device interleave their changes of one question.
      const order = Array.from({ length: 20 }, (_, i) => i + 10).sort(() => Math.random() - 0.5);
      const tabs = await Promise.all(
        order.map((seq) =>
          save(candidate, attemptId, multiple, pc, seq, { choices: seq % 2 ? ['A'] : ['B'] }),
        ),
      );
      for (const [i, r] of tabs.entries()) {
        expect(r.status).toBe(200);
        const held = (r.body.held as { seq: number }).seq;
        expect(held).toBeGreaterThanOrEqual(order[i] ?? 0);
        expect(r.body.applied).toBe(held === order[i]);
      }
      const resumed = await api.send('get', `/attempts/${attemptId}`, candidate, pc);
      expect(resumed.status).toBe(200);
      const answers = resumed.body.answers as { questionId: string; seq: number; answer: unknown }[];
      expect(answers).toHaveLength(2);
      expect(answers.find((a) => a.questionId === multiple)).toMatchObject({
        seq: 29,
        answer: { choices: ['A'] },
      });
      expect(answers.find((a) => a.questionId === single)).toMatchObject({ seq: 9, answer: { choice: 'A' } });
    });

    it('should refuse answers that do not fit the question and questions not in the paper', async () => {
      const examId = await publishedExam();
      const candidate = await registered(examId);
      clock.set(atOpen());
      const pc = device('pc');
      const attemptId = await startedAttempt(examId, candidate, pc);
      expect(await save(candidate, attemptId, fixture.q.single, pc, 1, { choice: 'Z' })).toMatchObject({
        status: 400,
        body: { code: 'ATTEMPT.ANSWER_INVALID' },
      });
      expect(await save(candidate, attemptId, fixture.q.single, pc, 1, { text: 'essay?' })).toMatchObject({
        status: 400,
        body: { code: 'ATTEMPT.ANSWER_INVALID' },
      });
      expect(await save(candidate, attemptId, randomUUID(), pc, 1, { choice: 'A' })).toMatchObject({
        status: 404,
        body: { code: 'ATTEMPT.QUESTION_NOT_IN_PAPER' },
      });
      const malformed = await api.send(
        'put',
        `/attempts/${attemptId}/answers/${fixture.q.single}`,
        candidate,
        pc,
        {
          seq: -1,
          idempotencyKey: 'x',
          answer: { choice: 'A' },
          extra: true,
        },
      );
      expect(malformed.status).toBe(400);
      expect(await save(candidate, attemptId, fixture.q.single, {}, 1, { choice: 'A' })).toMatchObject({
        status: 400,
        body: { code: 'ATTEMPT.DEVICE_ID_REQUIRED' },
      });
    });

    it('should accept saves inside the grace and refuse them after it, by server time', async () => {
      const examId = await publishedExam();
      const candidate = await registered(examId);
      const startedAt = atOpen();
      clock.set(startedAt);
      const pc = device('pc');
      const attemptId = await startedAttempt(examId, candidate, pc);
      const deadline = startedAt.getTime() + 60 * MINUTE;
      clock.set(new Date(deadline + 20_000));
      const inGrace = await save(candidate, attemptId, fixture.q.trueFalse, pc, 1, { truth: true });
      expect(inGrace).toMatchObject({ status: 200, body: { applied: true, clock: { remainingSeconds: 0 } } });
      clock.set(new Date(deadline + 31_000));
      const tooLate = await save(candidate, attemptId, fixture.q.trueFalse, pc, 2, { truth: false });
      expect(tooLate).toMatchObject({ status: 409, body: { code: 'ATTEMPT.DEADLINE_PASSED' } });
      const resumed = await api.send('get', `/attempts/${attemptId}`, candidate, pc);
      expect(resumed.body.answers).toEqual([
        expect.objectContaining({ questionId: fixture.q.trueFalse, seq: 1, answer: { truth: true } }),
      ]);
    });

    it('should let one device hold the attempt, move it on takeover and refuse the first device', async () => {
      const examId = await publishedExam();
      const candidate = await registered(examId);
      clock.set(atOpen());
      const phone = device('phone');
      const laptop = device('laptop');
      const attemptId = await startedAttempt(examId, candidate, phone);
      expect((await save(candidate, attemptId, fixture.q.single, phone, 1, { choice: 'A' })).status).toBe(
        200,
      );
      clock.advanceSeconds(600);
      expect(await api.send('get', `/attempts/${attemptId}`, candidate, laptop)).toMatchObject({
        status: 409,
        body: { code: 'ATTEMPT.HELD_BY_OTHER_DEVICE' },
      });
      const taken = await api.send('post', `/attempts/${attemptId}/takeover`, candidate, laptop);
      expect(taken).toMatchObject({
        status: 200,
        body: {
          status: 'in_progress',
          answers: [{ questionId: fixture.q.single, answer: { choice: 'A' } }],
          clock: { remainingSeconds: 50 * 60 },
        },
      });
      expect(await save(candidate, attemptId, fixture.q.single, phone, 2, { choice: 'B' })).toMatchObject({
        status: 409,
        body: { code: 'ATTEMPT.TAKEN_OVER' },
      });
      expect(await api.send('get', `/attempts/${attemptId}`, candidate, phone)).toMatchObject({
        status: 409,
        body: { code: 'ATTEMPT.TAKEN_OVER' },
      });
      expect(await api.send('post', `/attempts/${attemptId}/submit`, candidate, phone)).toMatchObject({
        status: 409,
        body: { code: 'ATTEMPT.TAKEN_OVER' },
      });
      expect(await save(candidate, attemptId, fixture.q.single, laptop, 3, { choice: 'B' })).toMatchObject({
        status: 200,
        body: { applied: true },
      });
      expect(await api.send('get', `/attempts/${attemptId}`, candidate, device('tablet'))).toMatchObject({
        status: 409,
        body: { code: 'ATTEMPT.HELD_BY_OTHER_DEVICE' },
      });
    });

    it('should hide an attempt from another candidate (404)', async () => {
      const examId = await publishedExam();
      const owner = await registered(examId);
      clock.set(atOpen());
      const pc = device('pc');
      const attemptId = await startedAttempt(examId, owner, pc);
      const stranger = longCaller('candidate');
      for (const reply of [
        await api.send('get', `/attempts/${attemptId}`, stranger, pc),
        await api.send('get', `/attempts/${attemptId}/paper`, stranger, {}),
        await api.send('get', `/attempts/${attemptId}/paper`, stranger, {
          'if-none-match': `"paper-${attemptId}"`,
        }),
        await save(stranger, attemptId, fixture.q.single, pc, 1, { choice: 'A' }),
        await api.send('post', `/attempts/${attemptId}/takeover`, stranger, pc),
        await api.send('post', `/attempts/${attemptId}/submit`, stranger, pc),
      ])
        expect(reply).toMatchObject({ status: 404, body: { code: 'ATTEMPT.NOT_FOUND' } });
      expect((await save(owner, attemptId, fixture.q.single, pc, 1, { choice: 'A' })).status).toBe(200);
    });
  });

  describe('submit and finalisation', () => {
    it('should grade objective questions on submission and leave the essay for marking', async () => {
      const examId = await publishedExam({}, { attemptsAllowed: 2 });
      const candidate = await registered(examId);
      clock.set(atOpen());
      const pc = device('pc');
      const attemptId = await startedAttempt(examId, candidate, pc);
      const q = fixture.q;
      for (const [questionId, answer] of [
        [q.single, { choice: 'A' }],
        [q.multiple, { choices: ['A', 'B', 'C'] }],
        [q.trueFalse, { truth: true }],
        [q.blank, { blanks: [' 北京 ', '广州'] }],
        [q.essay, { text: 'My argument.' }],
      ] as const)
        expect((await save(candidate, attemptId, questionId, pc, 1, answer)).status).toBe(200);
      const done = await api.send('post', `/attempts/${attemptId}/submit`, candidate, pc);
      expect(done).toMatchObject({ status: 200, body: { status: 'submitted' } });
      const row = await attemptRow(attemptId);
      expect(row).toMatchObject({ status: 'submitted', closed_by: 'candidate', live: null });
      expect(Number(row.objective_score)).toBe(6);
      const scores = (
        typeof row.question_scores === 'string' ? JSON.parse(row.question_scores) : row.question_scores
      ) as Record<string, number | null>;
      expect(scores).toEqual({
        [q.single]: 2,
        [q.multiple]: 2,
        [q.trueFalse]: 1,
        [q.blank]: 1,
        [q.essay]: null,
      });

      const retry = await api.send('post', `/attempts/${attemptId}/submit`, candidate, pc);
      expect(retry).toMatchObject({ status: 200, body: { status: 'submitted' } });
      expect(await save(candidate, attemptId, q.single, pc, 2, { choice: 'B' })).toMatchObject({
        status: 409,
        body: { code: 'ATTEMPT.NOT_IN_PROGRESS' },
      });
      await expectEventually(() => {
        expect(eventsOf(attemptId)).toEqual([
          expect.objectContaining({
            closedBy: 'candidate',
            status: 'submitted',
            objectiveScore: 6,
            maxScore: 14,
            needsMarking: true,
          }),
        ]);
      });

      const second = await startedAttempt(examId, candidate, pc);
      expect((await save(candidate, second, q.single, pc, 1, { choice: 'A' })).status).toBe(200);
      expect((await api.send('post', `/attempts/${second}/submit`, candidate, pc)).body).toMatchObject({
        status: 'graded',
        attemptNumber: 2,
      });
      expect(Number((await attemptRow(second)).objective_score)).toBe(2);
    });

    it('should keep the key as references to the frozen paper, and grade rows that hold whole questions alike', async () => {
      const examId = await publishedExam();
      const pc = device('pc');
      const q = fixture.q;
      const answers = [
        [q.single, { choice: 'A' }],
        [q.multiple, { choices: ['A', 'B', 'C'] }],
        [q.trueFalse, { truth: true }],
        [q.blank, { blanks: [' 北京 ', '广州'] }],
      ] as const;
      const sat: { attemptId: string; candidate: Caller }[] = [];
      for (let i = 0; i < 2; i += 1) {
        const candidate = await registered(examId);
        clock.set(atOpen());
        const attemptId = await startedAttempt(examId, candidate, pc);
        for (const [questionId, answer] of answers)
          expect((await save(candidate, attemptId, questionId, pc, 1, answer)).status).toBe(200);
        sat.push({ attemptId, candidate });
      }
      const [current, legacy] = sat as [(typeof sat)[number], (typeof sat)[number]];
      const json = (value: unknown): unknown => (typeof value === 'string' ? JSON.parse(value) : value);
      const frozen = async (attemptId: string) => {
        const rows: { answer_key: unknown; paper: unknown }[] = await bed.dataSource.query(
          'SELECT answer_key, paper FROM exam_attempts WHERE id = ?',
          [attemptId],
        );
        const row = rows.at(0);
        if (row === undefined) throw new Error(`no attempt ${attemptId}`);
        return { key: json(row.answer_key), paper: json(row.paper) };
      };
      const stored = (await frozen(current.attemptId)).key as Record<string, unknown>[];
      expect(stored.length).toBe(5);
      for (const entry of stored)
        expect(Object.keys(entry).sort()).toEqual(['questionId', 'score', 'version']);
      // A row written before the key became references holds each question whole; it grades the same.
      const exams: { paper_snapshot: unknown }[] = await bed.dataSource.query(
        'SELECT paper_snapshot FROM exams WHERE id = ?',
        [examId],
      );
      const paper = (await frozen(legacy.attemptId)).paper as CandidatePaper;
      const whole = answerKeyOf(json(exams[0]?.paper_snapshot) as PaperSnapshot, paper);
      expect(JSON.stringify(whole)).toContain('"content"');
      await bed.dataSource.query('UPDATE exam_attempts SET answer_key = ? WHERE id = ?', [
        JSON.stringify(whole),
        legacy.attemptId,
      ]);
      // The essay was left blank, so nothing waits for a marker: both are graded at once, question by question alike.
      for (const { attemptId, candidate } of sat)
        expect(await api.send('post', `/attempts/${attemptId}/submit`, candidate, pc)).toMatchObject({
          status: 200,
          body: { status: 'graded' },
        });
      const graded = await Promise.all(sat.map(({ attemptId }) => attemptRow(attemptId)));
      for (const row of graded) expect(Number(row.objective_score)).toBe(6);
      expect(json(graded[1]?.question_scores)).toEqual(json(graded[0]?.question_scores));
      expect(json(graded[0]?.question_scores)).toMatchObject({ [q.single]: 2, [q.essay]: 0 });
    });

    it('should refuse a submission before the exam’s minimum time', async () => {
      const examId = await publishedExam({}, { minMinutesBeforeSubmit: 20 });
      const candidate = await registered(examId);
      clock.set(atOpen());
      const pc = device('pc');
      const attemptId = await startedAttempt(examId, candidate, pc);
      clock.advanceSeconds(10 * 60);
      expect(await api.send('post', `/attempts/${attemptId}/submit`, candidate, pc)).toMatchObject({
        status: 409,
        body: { code: 'ATTEMPT.TOO_EARLY_TO_SUBMIT' },
      });
      clock.advanceSeconds(10 * 60);
      expect((await api.send('post', `/attempts/${attemptId}/submit`, candidate, pc)).status).toBe(200);
    });

    it('should finalise every attempt past its deadline once, with two replicas running the job at once', async () => {
      const examId = await publishedExam();
      const candidates = await Promise.all([1, 2, 3, 4].map(async () => registered(examId)));
      const startedAt = atOpen();
      clock.set(startedAt);
      const pc = device('pc');
      const attemptIds: string[] = [];
      for (const candidate of candidates) attemptIds.push(await startedAttempt(examId, candidate, pc));
      const [first, second] = candidates;
      expect((await save(first, attemptIds[0] ?? '', fixture.q.single, pc, 1, { choice: 'A' })).status).toBe(
        200,
      );
      expect(
        (await save(second, attemptIds[1] ?? '', fixture.q.trueFalse, pc, 1, { truth: true })).status,
      ).toBe(200);
      const deadline = startedAt.getTime() + 60 * MINUTE;
      // A save made offline before the deadline arrives inside the grace and counts.
      clock.set(new Date(deadline + 10_000));
      expect(
        (await save(first, attemptIds[0] ?? '', fixture.q.trueFalse, pc, 2, { truth: true })).status,
      ).toBe(200);

      const env = bed.env;
      const otherPool = await new DataSource(bed.dataSource.options).initialize();
      try {
        const replicaB = new AttemptClosingService(
          new AttemptRepository(
            otherPool,
            otherPool.getRepository(AttemptEntity),
            otherPool.getRepository(AttemptAnswerEntity),
          ),
          // Its own copy of the snapshots, read through its own pool, as another replica's process would.
          new AnswerKeyResolver(
            new ExamRepository(
              otherPool,
              otherPool.getRepository(ExamEntity),
              otherPool.getRepository(ExamAccommodationEntity),
            ),
            new PaperSnapshotCache(),
          ),
          bed.service.app.get(EventPublisher),
          env,
          bed.service.app.get(Clock),
        );
        const replicaA = bed.service.app.get(AttemptClosingService);
        clock.set(new Date(deadline + 29_000));
        expect(await Promise.all([replicaA.finaliseDue(), replicaB.finaliseDue()])).toEqual([0, 0]);
        clock.set(new Date(deadline + 31_000));
        const closed = await Promise.all([
          replicaA.finaliseDue(),
          replicaB.finaliseDue(),
          replicaA.finaliseDue(),
          replicaB.finaliseDue(),
        ]);
        expect(closed.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(4);
      } finally {
        await otherPool.destroy();
      }
      const scores: number[] = [];
      for (const id of attemptIds) {
        const row = await attemptRow(id);
        expect(row).toMatchObject({ status: 'graded', closed_by: 'deadline', live: null });
        scores.push(Number(row.objective_score));
      }
      expect(scores).toEqual([3, 1, 0, 0]);
      await expectEventually(() => {
        for (const id of attemptIds)
          expect(eventsOf(id)).toEqual([expect.objectContaining({ closedBy: 'deadline', status: 'graded' })]);
      });
      await new Promise((resolve) => setTimeout(resolve, 1000));
      for (const id of attemptIds) expect(eventsOf(id)).toHaveLength(1);
      const late = await api.send(
        'post',
        `/attempts/${attemptIds[2] ?? ''}/submit`,
        candidates[2] ?? first,
        pc,
      );
      expect(late).toMatchObject({ status: 200, body: { status: 'graded' } });
    });
  });
});
