import { randomUUID } from 'node:crypto';

import type { OrgRole } from '@exam/contracts';
import { Topics } from '@exam/contracts';
import { expectEventually, issueTestToken, type ProbedMessage, type ServiceTestBed } from '@exam/testing';

import type { ExamEnv } from '../src/config/exam.env';
import { attemptExamBody, device, HOUR, longCaller, MINUTE, ServiceClock } from './support/attempt-fixtures';
import { type Caller, ExamClient, type Reply, startExamBed } from './support/exam-bed';

interface GradedEvent {
  attemptId: string;
  reason: string;
  score: number;
  objectiveScore: number;
  maxScore: number;
}

interface Task {
  scriptId: string;
  questionId: string;
  status: string;
  maxMark: number;
  earlierMarks: { round: number; mark: number }[];
}

interface Candidate {
  readonly caller: Caller;
  readonly attemptId: string;
}

/** What a candidate answers: the option of the single choice, the two blanks, the essay and short answer. */
interface Answers {
  readonly choice?: string;
  readonly blanks?: string[];
  readonly essay?: string;
  readonly short?: string;
}

const CLAIM_SECONDS = 60;
const BATCH = 4;

function staffCaller(institutionId: string, role: OrgRole): Caller {
  const userId = randomUUID();
  const token = issueTestToken({
    userId,
    roles: [],
    memberships: [{ institutionId, roles: [role] }],
    expiresInSeconds: 3600,
  });
  return { userId, token };
}

describe('exam marking and regrading (e2e)', () => {
  let bed: ServiceTestBed<ExamEnv>;
  let api: ExamClient;
  let clock: ServiceClock;
  let graded: ProbedMessage[];
  let paperId: string;
  const q = { single: '', blank: '', essay: '', short: '' };
  const institution = randomUUID();
  const admin = longCaller({ institutionId: institution, role: 'org_admin' });
  const t0 = new Date(Math.floor(Date.now() / 1000) * 1000);
  const inst = (path: string) => `/institutions/${institution}${path}`;

  beforeAll(async () => {
    bed = await startExamBed({
      EXAM_FINALISE_INTERVAL_SECONDS: '0',
      EXAM_MARKING_INTAKE_INTERVAL_SECONDS: '0',
      EXAM_MARKING_BATCH_SIZE: String(BATCH),
      EXAM_MARKING_CLAIM_SECONDS: String(CLAIM_SECONDS),
    });
    api = new ExamClient(bed.url);
    clock = new ServiceClock(bed);
    clock.set(t0);
    graded = await bed.collect(Topics.AttemptGraded);
    const bank = await api.call('post', inst('/banks'), admin, { name: 'marking bank' });
    const bankId = bank.body.bankId as string;
    const create = async (body: object): Promise<string> => {
      const reply = await api.call('post', inst(`/banks/${bankId}/questions`), admin, {
        difficulty: 1,
        ...body,
      });
      expect(reply.status).toBe(201);
      return reply.body.questionId as string;
    };
    q.single = await create({
      type: 'single',
      stem: 'capital?',
      score: 2,
      options: [
        { text: 'right', correct: true },
        { text: 'arguable', correct: false },
        { text: 'wrong', correct: false },
      ],
    });
    q.blank = await create({
      type: 'fill_blank',
      stem: '___ and ___',
      score: 2,
      blanks: [{ accepted: ['北京'] }, { accepted: ['上海'] }],
    });
    q.essay = await create({ type: 'essay', stem: 'essay', score: 5, rubric: 'argument and structure' });
    q.short = await create({
      type: 'essay',
      stem: 'short answer',
      score: 3,
      rubric: 'reference: photosynthesis',
    });
    const paper = await api.call('post', inst('/papers'), admin, {
      title: 'marking paper',
      bankId,
      kind: 'fixed',
      sections: [
        {
          title: 'one',
          instructions: '',
          shuffleQuestions: false,
          shuffleOptions: false,
          items: [q.single, q.blank, q.essay, q.short].map((questionId) => ({ questionId })),
          draws: [],
        },
      ],
    });
    expect(paper).toMatchObject({ status: 201, body: { totalScore: 12 } });
    paperId = paper.body.paperId as string;
  }, 120_000);

  afterAll(async () => {
    await bed.close();
  });

  async function examWith(marking?: Record<string, unknown>) {
    clock.set(t0);
    const body = attemptExamBody(paperId, t0, {}, marking ? { marking } : {});
    const exam = await api.call('post', inst('/exams'), admin, body);
    expect(exam.status).toBe(201);
    const examId = exam.body.examId as string;
    expect((await api.call('post', inst(`/exams/${examId}/publish`), admin)).status).toBe(200);
    return examId;
  }

  async function sit(examId: string, answers: Answers): Promise<Candidate> {
    const caller = longCaller('candidate');
    clock.set(t0);
    expect((await api.call('post', `/exams/${examId}/registrations`, caller, { answers: [] })).status).toBe(
      201,
    );
    clock.set(new Date(t0.getTime() + HOUR + 5 * MINUTE));
    const pc = device('pc');
    const started = await api.send('post', `/exams/${examId}/attempts`, caller, pc, {});
    expect(started.status).toBe(201);
    const attemptId = started.body.attemptId as string;
    let seq = 1;
    const save = async (questionId: string, answer: object) => {
      const reply = await api.send('put', `/attempts/${attemptId}/answers/${questionId}`, caller, pc, {
        seq: seq++,
        idempotencyKey: `k-${randomUUID()}`,
        answer,
      });
      expect(reply.body).toMatchObject({ applied: true });
    };
    if (answers.choice) await save(q.single, { choice: answers.choice });
    if (answers.blanks) await save(q.blank, { blanks: answers.blanks });
    if (answers.essay) await save(q.essay, { text: answers.essay });
    if (answers.short) await save(q.short, { text: answers.short });
    expect((await api.send('post', `/attempts/${attemptId}/submit`, caller, pc)).status).toBe(200);
    return { caller, attemptId };
  }

  const path = (examId: string, rest: string) => inst(`/exams/${examId}${rest}`);

  function batch(examId: string, questionId: string, marker: Caller, size = 10): Promise<Reply> {
    return api.call('post', path(examId, `/marking/questions/${questionId}/batch`), marker, { size });
  }

  function give(examId: string, task: Pick<Task, 'questionId' | 'scriptId'>, marker: Caller, mark: number) {
    return api.call(
      'post',
      path(examId, `/marking/questions/${task.questionId}/scripts/${task.scriptId}/marks`),
      marker,
      { mark, comment: 'ok' },
    );
  }

  const tasks = (reply: Reply): Task[] => {
    expect(reply.status).toBe(200);
    return reply.body.items as Task[];
  };

  async function attemptRow(attemptId: string) {
    const rows: { status: string; score: string | null; objective_score: string | null }[] =
      await bed.dataSource.query('SELECT status, score, objective_score FROM exam_attempts WHERE id = ?', [
        attemptId,
      ]);
    expect(rows).toHaveLength(1);
    const [row] = rows as [(typeof rows)[number]];
    return {
      status: row.status,
      score: row.score === null ? null : Number(row.score),
      objective: Number(row.objective_score),
    };
  }

  async function scriptOf(attemptId: string): Promise<string> {
    const rows = await bed.dataSource.query<{ id: string }[]>(
      'SELECT id FROM marking_scripts WHERE attempt_id = ?',
      [attemptId],
    );
    expect(rows).toHaveLength(1);
    return rows[0]?.id ?? '';
  }

  const gradedOf = (attemptId: string): GradedEvent[] =>
    graded
      .map((m) => (JSON.parse(m.value ?? '{}') as { payload: GradedEvent }).payload)
      .filter((p) => p.attemptId === attemptId);

  async function history(examId: string, attemptId: string) {
    const reply = await api.call('get', path(examId, `/attempts/${attemptId}/score-history`), admin);
    expect(reply.status).toBe(200);
    return reply.body.items as {
      questionId: string;
      oldScore: number | null;
      newScore: number;
      reason: string;
    }[];
  }

  it('should queue written answers anonymously, in another order per marker, and grade when the last is marked', async () => {
    const examId = await examWith();
    const candidates: Candidate[] = [];
    for (let i = 0; i < 6; i++)
      candidates.push(
        await sit(examId, { choice: 'A', blanks: ['北京', 'x'], essay: `essay ${i}`, short: `short ${i}` }),
      );
    const progress = await api.call('get', path(examId, '/marking/questions'), admin);
    expect(progress.body).toMatchObject({ doubleMarking: false, step: 0.5 });
    expect(progress.body.questions).toEqual(
      expect.arrayContaining([
        { questionId: q.essay, toMark: 6, inReconciliation: 0, marked: 0 },
        { questionId: q.short, toMark: 6, inReconciliation: 0, marked: 0 },
      ]),
    );

    const markerA = staffCaller(institution, 'org_staff');
    const markerB = staffCaller(institution, 'org_staff');
    const first = await batch(examId, q.essay, markerA);
    const mine = tasks(first);
    expect(mine).toHaveLength(6);
    for (const c of candidates) {
      expect(first.text).not.toContain(c.caller.userId);
      expect(first.text).not.toContain(c.attemptId);
    }
    expect(first.text).not.toMatch(/userId|attemptId|name/);
    expect(mine[0]).toMatchObject({
      maxMark: 5,
      passages: [{ stem: 'essay', rubric: 'argument and structure' }],
    });
    expect(tasks(await batch(examId, q.essay, markerB))).toEqual([]);
    expect(tasks(await batch(examId, q.essay, markerA)).map((t) => t.scriptId)).toEqual(
      mine.map((t) => t.scriptId),
    );

    // Once A's claims lapse, B gets the same scripts in B's own order.
    clock.advanceSeconds(CLAIM_SECONDS + 1);
    const theirs = tasks(await batch(examId, q.essay, markerB));
    expect(new Set(theirs.map((t) => t.scriptId))).toEqual(new Set(mine.map((t) => t.scriptId)));
    expect(theirs.map((t) => t.scriptId)).not.toEqual(mine.map((t) => t.scriptId));

    const one = theirs[0];
    expect(await give(examId, one, markerA, 3)).toMatchObject({
      status: 409,
      body: { code: 'MARKING.CLAIMED_BY_OTHER' },
    });
    for (const bad of [5.5, -1, 2.25])
      expect(await give(examId, one, markerB, bad)).toMatchObject({
        status: 400,
        body: { code: 'MARKING.MARK_INVALID' },
      });
    expect((await give(examId, { ...one, scriptId: randomUUID() }, markerB, 1)).body).toMatchObject({
      code: 'MARKING.SCRIPT_NOT_FOUND',
    });
    for (const [i, task] of theirs.entries())
      expect(await give(examId, task, markerB, i % 2 ? 4.5 : 5)).toMatchObject({
        status: 201,
        body: { status: 'done', marksGiven: 1 },
      });
    expect(await give(examId, one, markerB, 1)).toMatchObject({
      status: 409,
      body: { code: 'MARKING.ALREADY_COMPLETE' },
    });
    for (const c of candidates) expect((await attemptRow(c.attemptId)).status).toBe('submitted');

    const shorts = tasks(await batch(examId, q.short, markerA));
    for (const task of shorts) expect((await give(examId, task, markerA, 2)).status).toBe(201);
    const totals = new Map(theirs.map((t, i) => [t.scriptId, 2 + 1 + (i % 2 ? 4.5 : 5) + 2]));
    const scripts: { attempt_id: string; id: string }[] = await bed.dataSource.query(
      'SELECT attempt_id, id FROM marking_scripts WHERE exam_id = ?',
      [examId],
    );
    for (const { attempt_id: attemptId, id } of scripts) {
      expect(await attemptRow(attemptId)).toEqual({ status: 'graded', score: totals.get(id), objective: 3 });
      await expectEventually(() => {
        expect(gradedOf(attemptId)).toEqual([
          expect.objectContaining({
            reason: 'marking',
            score: totals.get(id),
            objectiveScore: 3,
            maxScore: 12,
          }),
        ]);
      });
      expect((await history(examId, attemptId)).map((h) => h.reason)).toEqual(['marked', 'marked']);
    }
    const done = await api.call('get', path(examId, '/marking/questions'), admin);
    expect(done.body.questions).toEqual(
      expect.arrayContaining([{ questionId: q.essay, toMark: 0, inReconciliation: 0, marked: 6 }]),
    );
  });

  it('should combine double marks within the tolerance and send the others to a third marker', async () => {
    const examId = await examWith({
      doubleMarking: true,
      toleranceFraction: 0.2,
      reconciliation: 'third_marker',
      step: 0.5,
    });
    const near = await sit(examId, { choice: 'A', essay: 'near' });
    const far = await sit(examId, { choice: 'A', essay: 'far' });
    const [markerA, markerB, markerC] = [1, 2, 3].map(() => staffCaller(institution, 'org_staff')) as [
      Caller,
      Caller,
      Caller,
    ];

    const forA = tasks(await batch(examId, q.essay, markerA));
    expect(forA).toHaveLength(2);
    const nearTask = { questionId: q.essay, scriptId: await scriptOf(near.attemptId) };
    const farTask = { questionId: q.essay, scriptId: await scriptOf(far.attemptId) };
    expect((await give(examId, nearTask, markerA, 3)).body).toMatchObject({
      status: 'marking',
      marksGiven: 1,
    });
    expect((await give(examId, farTask, markerA, 1)).body).toMatchObject({
      status: 'marking',
      marksGiven: 1,
    });
    expect(tasks(await batch(examId, q.essay, markerA))).toEqual([]);
    expect(await give(examId, nearTask, markerA, 3)).toMatchObject({
      status: 409,
      body: { code: 'MARKING.ALREADY_MARKED' },
    });

    expect(tasks(await batch(examId, q.essay, markerB))).toHaveLength(2);
    expect((await give(examId, nearTask, markerB, 4)).body).toMatchObject({ status: 'done', finalMark: 3.5 });
    expect((await give(examId, farTask, markerB, 4.5)).body).toMatchObject({
      status: 'reconciliation',
      finalMark: null,
    });
    const progress = await api.call('get', path(examId, '/marking/questions'), admin);
    expect(progress.body.questions).toEqual([
      { questionId: q.essay, toMark: 0, inReconciliation: 1, marked: 1 },
    ]);
    expect(tasks(await batch(examId, q.essay, markerB))).toEqual([]);

    const third = tasks(await batch(examId, q.essay, markerC));
    expect(third).toEqual([
      expect.objectContaining({
        scriptId: farTask.scriptId,
        status: 'reconciliation',
        earlierMarks: [
          expect.objectContaining({ round: 1, mark: 1 }),
          expect.objectContaining({ round: 2, mark: 4.5 }),
        ],
      }),
    ]);
    expect((await give(examId, farTask, markerC, 2.5)).body).toMatchObject({
      status: 'done',
      finalMark: 2.5,
      marksGiven: 3,
    });

    expect(await attemptRow(near.attemptId)).toEqual({ status: 'graded', score: 5.5, objective: 2 });
    expect(await attemptRow(far.attemptId)).toEqual({ status: 'graded', score: 4.5, objective: 2 });
    expect((await history(examId, far.attemptId)).map((h) => [h.reason, h.newScore])).toEqual([
      ['reconciled', 2.5],
    ]);
    await expectEventually(() => {
      expect(gradedOf(far.attemptId)).toEqual([expect.objectContaining({ score: 4.5 })]);
    });
  });

  it('should never hand one script to two markers claiming at once, nor lose a score marked at once', async () => {
    const examId = await examWith();
    const candidates: Candidate[] = [];
    for (let i = 0; i < 8; i++) candidates.push(await sit(examId, { essay: `e${i}`, short: `s${i}` }));
    const markers = [1, 2, 3, 4].map(() => staffCaller(institution, 'org_staff'));
    const replies = await Promise.all(markers.map((m) => batch(examId, q.essay, m, 3)));
    const claimed = replies.flatMap((r) => tasks(r).map((t) => t.scriptId));
    expect(claimed.length).toBeGreaterThan(0);
    expect(new Set(claimed).size).toBe(claimed.length);
    const holders: { n: number | string }[] = await bed.dataSource.query(
      'SELECT COUNT(*) AS n FROM marking_items WHERE exam_id = ? AND question_id = ? AND claimed_by IS NOT NULL',
      [examId, q.essay],
    );
    expect(Number(holders[0]?.n)).toBe(claimed.length);

    // The last two questions of one script, marked at the same moment by two markers.
    const first = candidates[0];
    const script = await scriptOf(first.attemptId);
    const [essayMarker, shortMarker] = [
      staffCaller(institution, 'org_staff'),
      staffCaller(institution, 'org_staff'),
    ];
    clock.advanceSeconds(CLAIM_SECONDS + 1);
    const both = await Promise.all([
      give(examId, { questionId: q.essay, scriptId: script }, essayMarker, 4),
      give(examId, { questionId: q.short, scriptId: script }, shortMarker, 3),
    ]);
    expect(both.map((r) => r.status)).toEqual([201, 201]);
    expect(await attemptRow(first.attemptId)).toEqual({ status: 'graded', score: 7, objective: 0 });
    await expectEventually(() => {
      expect(gradedOf(first.attemptId)).toHaveLength(1);
    });
    expect(await history(examId, first.attemptId)).toHaveLength(2);
  });

  it('should regrade affected attempts after a key change, in batches, with history, and change nothing on a repeat', async () => {
    const examId = await examWith();
    const answers: Answers[] = [
      { choice: 'A', blanks: ['北京', '上海'] },
      { choice: 'B', blanks: ['北京', 'Shanghai'] },
      { choice: 'B' },
      { choice: 'C', blanks: ['x', 'y'] },
      { choice: 'A', blanks: ['北京', 'x'], essay: 'written' },
      { choice: 'B', blanks: ['北京', '上海'] },
    ];
    const sat: Candidate[] = [];
    for (const a of answers) sat.push(await sit(examId, a));
    const before = await Promise.all(sat.map((c) => attemptRow(c.attemptId)));
    expect(before.map((r) => r.objective)).toEqual([4, 1, 0, 0, 3, 2]);
    // Intake of graded attempts gives them their total.
    await api.call('get', path(examId, '/marking/questions'), admin);

    const accept = { questionId: q.single, action: 'accept', choices: ['B'], reason: 'B is also right' };
    const changed = await api.call('post', path(examId, '/key-changes'), admin, accept);
    expect(changed).toMatchObject({
      status: 200,
      body: { questionId: q.single, dropped: false, correct: ['A', 'B'], regrade: { processed: BATCH } },
    });
    let after = (changed.body.regrade as { nextAfter: string | null }).nextAfter;
    let changedAttempts = (changed.body.regrade as { changed: number }).changed;
    while (after !== null) {
      const next = await api.call('post', path(examId, '/regrade'), admin, { after });
      expect(next.status).toBe(200);
      changedAttempts += next.body.changed as number;
      after = next.body.nextAfter as string | null;
    }
    expect(changedAttempts).toBe(3);
    const regraded = await Promise.all(sat.map((c) => attemptRow(c.attemptId)));
    expect(regraded.map((r) => r.objective)).toEqual([4, 3, 2, 0, 3, 4]);
    expect(regraded.map((r) => r.score)).toEqual([4, 3, 2, 0, null, 4]);
    expect(regraded[4]?.status).toBe('submitted');
    const second = sat[1];
    expect(await history(examId, second.attemptId)).toEqual([
      expect.objectContaining({
        questionId: q.single,
        oldScore: 0,
        newScore: 2,
        reason: 'regraded',
        note: 'B is also right',
      }),
    ]);
    await expectEventually(() => {
      expect(gradedOf(second.attemptId).map((e) => [e.reason, e.score])).toEqual([
        ['submission', 1],
        ['regrade', 3],
      ]);
    });

    const repeat = await api.call('post', path(examId, '/key-changes'), admin, accept);
    const rest = await api.call('post', path(examId, '/regrade'), admin, {
      after: (repeat.body.regrade as { nextAfter: string }).nextAfter,
    });
    expect([(repeat.body.regrade as { changed: number }).changed, rest.body.changed]).toEqual([0, 0]);
    expect(await history(examId, second.attemptId)).toHaveLength(1);

    const drop = await api.call('post', path(examId, '/key-changes'), admin, {
      questionId: q.blank,
      action: 'drop',
      reason: 'the blanks were ambiguous',
    });
    expect(drop).toMatchObject({ status: 200, body: { dropped: true } });
    await api.call('post', path(examId, '/regrade'), admin, {
      after: (drop.body.regrade as { nextAfter: string }).nextAfter,
    });
    const dropped = await Promise.all(sat.map((c) => attemptRow(c.attemptId)));
    expect(dropped.map((r) => r.objective)).toEqual([4, 4, 4, 2, 4, 4]);
    expect(
      (await history(examId, sat[2].attemptId)).map((h) => [h.reason, h.questionId, h.newScore]),
    ).toEqual([
      ['regraded', q.single, 2],
      ['regraded', q.blank, 2],
    ]);

    // An attempt closed after the change is graded with it when taken into marking.
    const late = await sit(examId, { choice: 'B' });
    await api.call('get', path(examId, '/marking/questions'), admin);
    expect(await attemptRow(late.attemptId)).toEqual({ status: 'graded', score: 4, objective: 4 });
  });

  it('should refuse key changes that do not fit the question', async () => {
    const examId = await examWith();
    const change = (body: object) =>
      api.call('post', path(examId, '/key-changes'), admin, { reason: 'r', ...body });
    expect(await change({ questionId: q.single, action: 'replace', choices: ['A', 'B'] })).toMatchObject({
      status: 400,
      body: { code: 'MARKING.KEY_CHANGE_INVALID' },
    });
    expect(await change({ questionId: q.essay, action: 'drop' })).toMatchObject({
      status: 400,
      body: { code: 'MARKING.KEY_CHANGE_INVALID' },
    });
    expect(await change({ questionId: randomUUID(), action: 'drop' })).toMatchObject({
      status: 404,
      body: { code: 'MARKING.QUESTION_NOT_IN_EXAM' },
    });
    expect((await change({ questionId: q.single, action: 'guess' })).status).toBe(400);
  });

  it('should deny other institutions, candidates and staff without the role, and keep tenants apart', async () => {
    const examId = await examWith();
    const candidate = await sit(examId, { essay: 'mine' });
    const other = randomUUID();
    const otherAdmin = staffCaller(other, 'org_admin');
    const routes: ['get' | 'post', string, object?][] = [
      ['get', '/marking/questions'],
      ['post', `/marking/questions/${q.essay}/batch`, {}],
      ['post', `/marking/questions/${q.essay}/scripts/${randomUUID()}/marks`, { mark: 1 }],
      ['post', '/key-changes', { questionId: q.single, action: 'drop', reason: 'r' }],
      ['post', '/regrade', {}],
      ['get', `/attempts/${candidate.attemptId}/score-history`],
    ];
    for (const [method, rest, body] of routes) {
      expect((await api.call(method, path(examId, rest), otherAdmin, body)).body).toMatchObject({
        code: 'AUTH.TENANT_FORBIDDEN',
      });
      expect((await api.call(method, path(examId, rest), candidate.caller, body)).status).toBe(403);
      // The other institution's staff naming our exam under their own institution see nothing.
      const own = `/institutions/${other}/exams/${examId}${rest}`;
      expect((await api.call(method, own, otherAdmin, body)).body).toMatchObject({
        code: 'EXAM.NOT_FOUND',
      });
    }
    const staff = staffCaller(institution, 'org_staff');
    expect(
      (
        await api.call('post', path(examId, '/key-changes'), staff, {
          questionId: q.single,
          action: 'drop',
          reason: 'r',
        })
      ).status,
    ).toBe(403);
    expect(
      (await api.call('get', path(examId, `/attempts/${randomUUID()}/score-history`), admin)).body,
    ).toMatchObject({
      code: 'MARKING.ATTEMPT_NOT_FOUND',
    });
    expect(
      (await api.call('post', path(examId, `/marking/questions/${q.essay}/batch`), staff, { size: 0 }))
        .status,
    ).toBe(400);
    expect(
      (await api.call('post', path(examId, `/marking/questions/${q.single}/batch`), staff, {})).body,
    ).toMatchObject({ code: 'MARKING.QUESTION_NOT_MARKED' });
  });
});
