import { createHash, randomUUID } from 'node:crypto';

import { Topics } from '@exam/contracts';
import { expectEventually, type ProbedMessage, type ServiceTestBed } from '@exam/testing';

import { AttemptClosingService } from '../src/attempt/attempt-closing.service';
import type { ExamEnv } from '../src/config/exam.env';
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
import { type Caller, ExamClient, type Reply, startExamBed, user } from './support/exam-bed';

interface AntiCheat {
  tabSwitchLimit: number;
  tabSwitchMinAwaySeconds: number;
  fullScreenRequired: boolean;
  blockCopyPaste: boolean;
  periodicFaceCheckMinutes: number;
  faceCheckFailureLimit: number;
  consequence: 'warn' | 'flag' | 'terminate';
}

interface RecordedEvent {
  clientEventId: string;
  duplicate: boolean;
  outcome: string;
  rule: string | null;
  faceCheck: string | null;
  recordedAt: string;
}

interface BoardCandidate {
  userId: string;
  state: string;
  flagged: boolean;
  registrationNumber: string | null;
  attempt: {
    attemptId: string;
    remainingSeconds: number;
    lastSavedAt: string | null;
    answered: number;
  } | null;
  events: { total: number; focusLost: number; warnings: number; counted: Record<string, number> };
}

const ANTI_CHEAT: AntiCheat = {
  tabSwitchLimit: 1,
  tabSwitchMinAwaySeconds: 2,
  fullScreenRequired: true,
  blockCopyPaste: true,
  periodicFaceCheckMinutes: 0,
  faceCheckFailureLimit: 3,
  consequence: 'warn',
};

const REASON = 'Candidate reported a power cut at the exam centre';

describe('exam proctoring (e2e)', () => {
  let bed: ServiceTestBed<ExamEnv>;
  let api: ExamClient;
  let clock: ServiceClock;
  let fixture: AttemptPaperFixture;
  let staffActions: ProbedMessage[];
  let consequences: ProbedMessage[];
  const institution = randomUUID();
  const other = randomUUID();
  const admin = longCaller({ institutionId: institution, role: 'org_admin' });
  const invigilator: Caller = longCaller({ institutionId: institution, role: 'org_admin' });
  const outsider = longCaller({ institutionId: other, role: 'org_admin' });
  const t0 = new Date(Math.floor(Date.now() / 1000) * 1000);
  const atOpen = (minutes = 5) => new Date(t0.getTime() + HOUR + minutes * MINUTE);
  const inst = (path: string, id = institution) => `/institutions/${id}${path}`;

  beforeAll(async () => {
    bed = await startExamBed({ EXAM_FINALISE_INTERVAL_SECONDS: '0', EXAM_SAVE_GRACE_SECONDS: '30' });
    api = new ExamClient(bed.url);
    clock = new ServiceClock(bed);
    clock.set(t0);
    fixture = await attemptPaper(api, admin, institution);
    staffActions = await bed.collect(Topics.ProctoringStaffActionTaken);
    consequences = await bed.collect(Topics.ProctoringConsequenceApplied);
  }, 120_000);

  afterAll(async () => {
    await bed.close();
  });

  async function publishedExam(antiCheat: Partial<AntiCheat> = {}): Promise<string> {
    clock.set(t0);
    const body = attemptExamBody(fixture.paperId, t0, {}, { antiCheat: { ...ANTI_CHEAT, ...antiCheat } });
    const exam = await api.call('post', inst('/exams'), admin, body);
    expect(exam.status).toBe(201);
    const id = exam.body.examId as string;
    expect((await api.call('post', inst(`/exams/${id}/publish`), admin)).status).toBe(200);
    return id;
  }

  async function registered(examId: string): Promise<Caller> {
    clock.set(t0);
    const candidate = longCaller('candidate');
    expect(
      (await api.call('post', `/exams/${examId}/registrations`, candidate, { answers: [] })).status,
    ).toBe(201);
    return candidate;
  }

  interface Running {
    readonly examId: string;
    readonly candidate: Caller;
    readonly pc: Record<string, string>;
    readonly attemptId: string;
  }

  async function running(antiCheat: Partial<AntiCheat> = {}, examId?: string): Promise<Running> {
    const exam = examId ?? (await publishedExam(antiCheat));
    const candidate = await registered(exam);
    clock.set(atOpen());
    const pc = device('pc');
    const reply = await api.send('post', `/exams/${exam}/attempts`, candidate, pc, {});
    expect(reply).toMatchObject({ status: 201, body: { status: 'in_progress' } });
    return { examId: exam, candidate, pc, attemptId: reply.body.attemptId as string };
  }

  function report(run: Running, events: object[], caller = run.candidate, dev = run.pc): Promise<Reply> {
    return api.send('post', `/attempts/${run.attemptId}/proctoring-events`, caller, dev, { events });
  }

  const away = (id: string, seconds = 5) => ({
    clientEventId: id,
    kind: 'focus_lost',
    durationSeconds: seconds,
  });
  const eventId = () => `ev-${randomUUID()}`;

  function save(run: Running, seq: number): Promise<Reply> {
    return api.send('put', `/attempts/${run.attemptId}/answers/${fixture.q.single}`, run.candidate, run.pc, {
      seq,
      idempotencyKey: `key-${seq}-${randomUUID().slice(0, 8)}`,
      answer: { choice: 'A' },
    });
  }

  function act(
    run: Running,
    action: 'add-time' | 'pause' | 'resume' | 'terminate',
    body: object = { reason: REASON },
    caller: Caller = invigilator,
    institutionId = institution,
  ): Promise<Reply> {
    return api.call('post', inst(`/attempts/${run.attemptId}/${action}`, institutionId), caller, body);
  }

  function events(reply: Reply): RecordedEvent[] {
    return reply.body.events as RecordedEvent[];
  }

  async function attemptRow(attemptId: string): Promise<Record<string, unknown>> {
    const rows: Record<string, unknown>[] = await bed.dataSource.query(
      'SELECT status, live, paused_at, flagged_at, deadline_at, save_until, started_at FROM exam_attempts WHERE id = ?',
      [attemptId],
    );
    expect(rows).toHaveLength(1);
    return rows[0] ?? {};
  }

  function payloadsOf<T>(messages: ProbedMessage[], attemptId: string): T[] {
    return messages
      .map((m) => (JSON.parse(m.value ?? '{}') as { payload: T & { attemptId: string } }).payload)
      .filter((p) => p.attemptId === attemptId);
  }

  describe('reports from the exam room', () => {
    it('should record a retried batch once, on server time, and refuse malformed or foreign reports', async () => {
      const run = await running({ tabSwitchLimit: 5 });
      const batch = [
        away('focus-0001', 1),
        { clientEventId: 'idle-00001', kind: 'idle', durationSeconds: 300 },
        {
          clientEventId: 'copy-00001',
          kind: 'copy_paste',
          clipboardAction: 'paste',
          occurredAt: '2001-01-01T00:00:00Z',
        },
        away('focus-0001', 9),
      ];

      const first = await report(run, batch);

      expect(first).toMatchObject({ status: 200, body: { recorded: 3, duplicates: 0 } });
      expect(events(first).map((e) => [e.clientEventId, e.outcome])).toEqual([
        ['focus-0001', 'recorded'],
        ['idle-00001', 'recorded'],
        ['copy-00001', 'warning'],
      ]);
      expect(events(first)[0]?.recordedAt).toBe(clock.now().toISOString());
      clock.advanceSeconds(5);
      const retry = await report(run, batch);
      expect(retry).toMatchObject({
        status: 200,
        body: { recorded: 0, duplicates: 3, policy: { warnings: 1 } },
      });
      expect(events(retry).map((e) => e.outcome)).toEqual(events(first).map((e) => e.outcome));
      const more = await report(run, [...batch, away('focus-0002')]);
      expect(more.body).toMatchObject({ recorded: 1, duplicates: 3, policy: { counted: { tab_switch: 1 } } });
      const rows: { n: number | string; client_at: Date | null }[] = await bed.dataSource.query(
        'SELECT COUNT(*) AS n, MAX(client_at) AS client_at FROM proctoring_events WHERE attempt_id = ?',
        [run.attemptId],
      );
      // Four events, and the client's far-off time was not kept.
      expect(rows[0]).toMatchObject({ client_at: null });
      expect(Number(rows[0]?.n)).toBe(4);

      expect(await report(run, [{ clientEventId: 'focus-0003', kind: 'focus_lost' }])).toMatchObject({
        status: 400,
        body: { code: 'PROCTORING.EVENT_INVALID' },
      });
      expect((await report(run, [{ clientEventId: 'x', kind: 'idle', durationSeconds: 1 }])).status).toBe(
        400,
      );
      expect((await report(run, [{ ...away('focus-0004'), extra: 1 }])).status).toBe(400);
      expect(
        (
          await report(
            run,
            Array.from({ length: 51 }, (_, i) => away(`bulk-${1000 + i}`)),
          )
        ).status,
      ).toBe(400);
      expect((await report(run, [])).status).toBe(400);
      expect(await report(run, [away('focus-0005')], longCaller('candidate'))).toMatchObject({
        status: 404,
        body: { code: 'ATTEMPT.NOT_FOUND' },
      });
      expect(await report(run, [away('focus-0005')], run.candidate, device('tablet'))).toMatchObject({
        status: 409,
        body: { code: 'ATTEMPT.HELD_BY_OTHER_DEVICE' },
      });
      expect(await report(run, [away('focus-0005')], run.candidate, {})).toMatchObject({
        status: 400,
        body: { code: 'ATTEMPT.DEVICE_ID_REQUIRED' },
      });
      expect((await report(run, [away('focus-0005')], admin)).status).toBe(403);
    });

    it.each([
      ['warn', 'warning'],
      ['flag', 'flagged'],
      ['terminate', 'terminated'],
    ] as const)('should warn first, then apply the %s consequence', async (consequence, outcome) => {
      const run = await running({ consequence });

      const first = await report(run, [away(eventId()), away(eventId())]);
      expect(events(first).map((e) => e.outcome)).toEqual(['counted', 'warning']);
      expect(first.body).toMatchObject({ policy: { outcome: 'warning', warnings: 1, consequence } });
      const second = await report(run, [away(eventId())]);

      expect(second).toMatchObject({ status: 200, body: { policy: { outcome } } });
      const row = await attemptRow(run.attemptId);
      expect(row.flagged_at === null).toBe(consequence !== 'flag');
      expect(row.status).toBe(consequence === 'terminate' ? 'terminated' : 'in_progress');
      if (consequence === 'terminate') {
        expect(row.live).toBeNull();
        expect(await save(run, 1)).toMatchObject({ status: 409, body: { code: 'ATTEMPT.TERMINATED' } });
        expect(await report(run, [away(eventId())])).toMatchObject({
          status: 409,
          body: { code: 'ATTEMPT.TERMINATED' },
        });
      } else {
        expect((await save(run, 1)).status).toBe(200);
      }
      const board = await api.call('get', inst(`/exams/${run.examId}/proctoring-board`), invigilator);
      const mine = (board.body.candidates as BoardCandidate[]).find((c) => c.userId === run.candidate.userId);
      expect(mine).toMatchObject({
        flagged: consequence === 'flag',
        state: consequence === 'terminate' ? 'terminated' : 'in_progress',
        events: { warnings: outcome === 'warning' ? 2 : 1, counted: { tab_switch: 3 } },
      });
      await expectEventually(() => {
        expect(
          payloadsOf<{ consequence: string; rule: string; count: number }>(consequences, run.attemptId),
        ).toEqual([
          expect.objectContaining({ consequence: 'warning', rule: 'tab_switch', count: 2 }),
          expect.objectContaining({ consequence: outcome, rule: 'tab_switch', count: 3 }),
        ]);
      });
    });

    it('should accept a periodic face check once, for its exam only, and count every other result', async () => {
      const run = await running({
        periodicFaceCheckMinutes: 10,
        faceCheckFailureLimit: 3,
        consequence: 'flag',
      });
      const otherExam = await publishedExam();
      clock.set(atOpen(15));
      const issuer = faceCheckIssuer(clock);
      const subject = { userId: run.candidate.userId, examId: run.examId, verificationId: randomUUID() };
      const token = issuer.issue({ ...subject, purpose: 'exam_proctor' }).token;
      const face = (faceCheckToken?: string) => ({
        clientEventId: eventId(),
        kind: 'face_check',
        ...(faceCheckToken === undefined ? {} : { faceCheckToken }),
      });

      const passed = await report(run, [face(token)]);
      expect(events(passed)[0]).toMatchObject({ faceCheck: 'passed', outcome: 'recorded', rule: null });
      const replayed = await report(run, [
        face(token),
        face(issuer.issue({ ...subject, purpose: 'exam_proctor', examId: otherExam }).token),
        face(issuer.issue({ ...subject, purpose: 'exam_proctor', userId: randomUUID() }).token),
      ]);
      expect(events(replayed).map((e) => [e.faceCheck, e.outcome])).toEqual([
        ['replayed', 'counted'],
        ['wrong_exam', 'counted'],
        ['wrong_user', 'counted'],
      ]);
      const rest = await report(run, [
        face(issuer.issue({ ...subject, purpose: 'exam_start' }).token),
        face(),
        face('not.a.token'),
      ]);
      expect(events(rest).map((e) => [e.faceCheck, e.outcome])).toEqual([
        ['invalid', 'warning'],
        ['missing', 'flagged'],
        ['invalid', 'flagged'],
      ]);
      const uses: { purpose: string }[] = await bed.dataSource.query(
        'SELECT purpose FROM attempt_face_checks WHERE attempt_id = ?',
        [run.attemptId],
      );
      expect(uses).toEqual([{ purpose: 'exam_proctor' }]);
    });

    it('should refuse new events once the attempt closed, yet answer a retry of a recorded batch', async () => {
      const run = await running();
      const batch = [away(eventId(), 1)];
      expect((await report(run, batch)).status).toBe(200);
      expect(
        (await api.send('post', `/attempts/${run.attemptId}/submit`, run.candidate, run.pc)).status,
      ).toBe(200);

      expect(await report(run, [away(eventId())])).toMatchObject({
        status: 409,
        body: { code: 'PROCTORING.ATTEMPT_CLOSED' },
      });
      expect(await report(run, batch)).toMatchObject({ status: 200, body: { recorded: 0, duplicates: 1 } });

      const late = await running();
      clock.set(new Date(atOpen().getTime() + 61 * MINUTE));
      expect(await report(late, [away(eventId())])).toMatchObject({
        status: 409,
        body: { code: 'PROCTORING.ATTEMPT_CLOSED' },
      });
    });
  });

  describe('staff', () => {
    it('should show every confirmed candidate on the board, to the exam’s institution only', async () => {
      const examId = await publishedExam();
      const idle = await registered(examId);
      const busy = await running({}, examId);
      clock.advanceSeconds(60);
      expect((await save(busy, 1)).status).toBe(200);
      expect((await report(busy, [away(eventId(), 1), away(eventId(), 7)])).status).toBe(200);
      const done = await running({}, examId);
      expect(
        (await api.send('post', `/attempts/${done.attemptId}/submit`, done.candidate, done.pc)).status,
      ).toBe(200);
      clock.set(new Date(atOpen().getTime() + 10 * MINUTE));
      const staffMember = longCaller({ institutionId: institution, role: 'org_admin' });

      const board = await api.call('get', inst(`/exams/${examId}/proctoring-board`), staffMember);

      expect(board.status).toBe(200);
      const rows = board.body.candidates as BoardCandidate[];
      const row = (c: Caller) => rows.find((r) => r.userId === c.userId);
      expect(rows).toHaveLength(3);
      expect(row(idle)).toMatchObject({ state: 'not_started', attempt: null });
      expect(row(idle)?.registrationNumber).toMatch(/^[A-Z0-9]+$/);
      expect(row(busy.candidate)).toMatchObject({
        state: 'in_progress',
        attempt: {
          attemptId: busy.attemptId,
          remainingSeconds: 50 * 60,
          lastSavedAt: new Date(atOpen().getTime() + 60_000).toISOString(),
          answered: 1,
        },
        events: { total: 2, focusLost: 2, counted: { tab_switch: 1 } },
      });
      expect(row(done.candidate)).toMatchObject({ state: 'graded', attempt: { remainingSeconds: 0 } });
      expect(board.body.summary).toMatchObject({ not_started: 1, in_progress: 1, graded: 1 });
      expect(board.text).not.toContain('maskedName');

      const staffOnly = longCaller({ institutionId: institution, role: 'org_admin' });
      const timeline = await api.call('get', inst(`/attempts/${busy.attemptId}/timeline`), staffOnly);
      expect(timeline).toMatchObject({
        status: 200,
        body: { userId: busy.candidate.userId, state: 'in_progress' },
      });
      expect((timeline.body.entries as { type: string }[]).map((e) => e.type)).toEqual([
        'started',
        'focus_lost',
        'focus_lost',
      ]);

      // Another institution: its own path finds nothing, ours is closed to it; candidates see no board.
      expect(await api.call('get', inst(`/exams/${examId}/proctoring-board`, other), outsider)).toMatchObject(
        { status: 404, body: { code: 'EXAM.NOT_FOUND' } },
      );
      expect((await api.call('get', inst(`/exams/${examId}/proctoring-board`), outsider)).status).toBe(403);
      expect(
        await api.call('get', inst(`/attempts/${busy.attemptId}/timeline`, other), outsider),
      ).toMatchObject({ status: 404, body: { code: 'PROCTORING.ATTEMPT_NOT_FOUND' } });
      expect(await act(busy, 'terminate', { reason: REASON }, outsider, other)).toMatchObject({
        status: 404,
        body: { code: 'PROCTORING.ATTEMPT_NOT_FOUND' },
      });
      expect((await act(busy, 'pause', { reason: REASON }, outsider)).status).toBe(403);
      expect((await api.call('get', inst(`/exams/${examId}/proctoring-board`), busy.candidate)).status).toBe(
        403,
      );
      expect((await act(busy, 'pause', { reason: REASON }, busy.candidate)).status).toBe(403);
      expect((await api.call('get', inst(`/exams/${examId}/proctoring-board`), user([]))).status).toBe(403);
      expect((await attemptRow(busy.attemptId)).paused_at).toBeNull();
    });

    it('should add time with a written reason, extending the deadline and the save window', async () => {
      const run = await running();
      const before = await attemptRow(run.attemptId);
      for (const bad of [
        { minutes: 10 },
        { minutes: 10, reason: 'x' },
        { minutes: 10, reason: 'bad\u0000reason here' },
        { minutes: 0, reason: REASON },
        { minutes: 241, reason: REASON },
        { minutes: 10, reason: REASON, extra: true },
      ])
        expect(await act(run, 'add-time', bad)).toMatchObject({ status: 400 });

      const added = await act(run, 'add-time', { minutes: 15, reason: REASON });

      expect(added).toMatchObject({ status: 200, body: { action: 'add_time', minutes: 15, reason: REASON } });
      const after = await attemptRow(run.attemptId);
      const shift = (key: string) =>
        new Date(after[key] as Date).getTime() - new Date(before[key] as Date).getTime();
      expect([shift('deadline_at'), shift('save_until'), shift('started_at')]).toEqual([
        15 * MINUTE,
        15 * MINUTE,
        0,
      ]);
      clock.set(new Date(atOpen().getTime() + 70 * MINUTE));
      expect((await save(run, 1)).status).toBe(200);
      await expectEventually(() => {
        const published = payloadsOf<Record<string, unknown>>(staffActions, run.attemptId);
        expect(published).toEqual([
          expect.objectContaining({
            action: 'add_time',
            minutes: 15,
            staffUserId: invigilator.userId,
            userId: run.candidate.userId,
            reasonSha256: createHash('sha256').update(REASON).digest('hex'),
          }),
        ]);
        expect(JSON.stringify(published)).not.toContain('power cut');
      });
    });

    it('should pause saves and the clock, and resume with the time that was left', async () => {
      const run = await running();
      clock.advanceSeconds(10 * 60);
      const paused = await act(run, 'pause');
      expect(paused).toMatchObject({
        status: 200,
        body: { state: 'paused', attempt: { remainingSeconds: 50 * 60 } },
      });
      expect(await act(run, 'pause')).toMatchObject({
        status: 409,
        body: { code: 'PROCTORING.ALREADY_PAUSED' },
      });
      expect(await save(run, 1)).toMatchObject({ status: 409, body: { code: 'ATTEMPT.PAUSED' } });
      expect(
        await api.send('post', `/attempts/${run.attemptId}/submit`, run.candidate, run.pc),
      ).toMatchObject({ status: 409, body: { code: 'ATTEMPT.PAUSED' } });

      // Paused past its original save window: the deadline job leaves it alone and its time stays frozen.
      clock.advanceSeconds(80 * 60);
      await bed.service.app.get(AttemptClosingService).finaliseDue();
      expect(await attemptRow(run.attemptId)).toMatchObject({ status: 'in_progress', live: 1 });
      const view = await api.send('get', `/attempts/${run.attemptId}`, run.candidate, run.pc);
      expect(view).toMatchObject({ body: { status: 'in_progress', clock: { remainingSeconds: 50 * 60 } } });
      expect(view.body.pausedAt).toEqual(expect.any(String));

      const resumed = await act(run, 'resume');

      expect(resumed).toMatchObject({
        status: 200,
        body: { state: 'in_progress', attempt: { remainingSeconds: 50 * 60 } },
      });
      expect(await act(run, 'resume')).toMatchObject({
        status: 409,
        body: { code: 'PROCTORING.NOT_PAUSED' },
      });
      expect((await save(run, 2)).status).toBe(200);
      const row = await attemptRow(run.attemptId);
      expect(new Date(row.deadline_at as Date).getTime() - clock.now().getTime()).toBe(50 * 60_000);
      expect(new Date(row.started_at as Date).toISOString()).toBe(atOpen().toISOString());
      const timeline = await api.call('get', inst(`/attempts/${run.attemptId}/timeline`), invigilator);
      expect(
        (timeline.body.entries as { source: string; type: string; reason: string | null }[]).filter(
          (e) => e.source === 'staff',
        ),
      ).toEqual([
        expect.objectContaining({ type: 'pause', reason: REASON }),
        expect.objectContaining({ type: 'resume', reason: REASON }),
      ]);
    });

    it('should terminate with a reason, keep the answers and tell the candidate on their next request', async () => {
      const run = await running();
      expect((await save(run, 1)).status).toBe(200);

      const terminated = await act(run, 'terminate', { reason: 'Second person seen in the camera view' });

      expect(terminated).toMatchObject({
        status: 200,
        body: { state: 'terminated', attempt: { status: 'terminated' } },
      });
      expect(await save(run, 2)).toMatchObject({ status: 409, body: { code: 'ATTEMPT.TERMINATED' } });
      expect(
        await api.send('post', `/attempts/${run.attemptId}/submit`, run.candidate, run.pc),
      ).toMatchObject({ status: 409, body: { code: 'ATTEMPT.TERMINATED' } });
      expect(await act(run, 'terminate')).toMatchObject({
        status: 409,
        body: { code: 'PROCTORING.ATTEMPT_CLOSED' },
      });
      expect(await act(run, 'add-time', { minutes: 5, reason: REASON })).toMatchObject({
        status: 409,
        body: { code: 'PROCTORING.ATTEMPT_CLOSED' },
      });
      const answers: unknown[] = await bed.dataSource.query(
        'SELECT 1 FROM attempt_answers WHERE attempt_id = ?',
        [run.attemptId],
      );
      expect(answers).toHaveLength(1);
      expect(await attemptRow(run.attemptId)).toMatchObject({ status: 'terminated', live: null });
    });

    it('should let exactly one of a staff action and a racing submission or deadline job win', async () => {
      for (let round = 0; round < 3; round += 1) {
        const run = await running();
        const [terminate, submit] = await Promise.all([
          act(run, 'terminate'),
          api.send('post', `/attempts/${run.attemptId}/submit`, run.candidate, run.pc),
        ]);
        const row = await attemptRow(run.attemptId);
        if (terminate.status === 200) {
          expect(submit).toMatchObject({ status: 409, body: { code: 'ATTEMPT.TERMINATED' } });
          expect(row.status).toBe('terminated');
        } else {
          expect(terminate).toMatchObject({ status: 409, body: { code: 'PROCTORING.ATTEMPT_CLOSED' } });
          expect(submit.status).toBe(200);
          expect(row.status).toBe('graded');
        }
        expect(row.live).toBeNull();
      }

      const twice = await running();
      const pauses = await Promise.all([act(twice, 'pause'), act(twice, 'pause'), act(twice, 'pause')]);
      expect(pauses.map((p) => p.status).sort()).toEqual([200, 409, 409]);
      const times = await Promise.all([
        act(twice, 'add-time', { minutes: 5, reason: REASON }),
        act(twice, 'add-time', { minutes: 5, reason: REASON }),
      ]);
      expect(times.map((t) => t.status)).toEqual([200, 200]);
      const row = await attemptRow(twice.attemptId);
      expect(new Date(row.deadline_at as Date).getTime()).toBe(atOpen().getTime() + 70 * MINUTE);

      const due = await running();
      clock.set(new Date(atOpen().getTime() + 61 * MINUTE));
      const [closed, late] = await Promise.all([
        bed.service.app.get(AttemptClosingService).finaliseDue(),
        act(due, 'terminate'),
      ]);
      const finalRow = await attemptRow(due.attemptId);
      if (late.status === 200) expect(finalRow.status).toBe('terminated');
      else {
        expect(late.body).toMatchObject({ code: 'PROCTORING.ATTEMPT_CLOSED' });
        expect(closed).toBeGreaterThanOrEqual(1);
        expect(finalRow.status).toBe('graded');
      }
    });
  });
});
