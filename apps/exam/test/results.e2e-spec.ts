import { randomUUID } from 'node:crypto';

import { Topics } from '@exam/contracts';
import { expectEventually, type ProbedMessage, type ServiceTestBed } from '@exam/testing';
import ExcelJS from 'exceljs';

import type { ExamEnv } from '../src/config/exam.env';
import { HOUR, longCaller } from './support/attempt-fixtures';
import { ExamClient, staff, startExamBed, user } from './support/exam-bed';
import { ExamDriver } from './support/result-fixtures';

describe('exam results, review and statistics (e2e)', () => {
  let bed: ServiceTestBed<ExamEnv>;
  let api: ExamClient;
  let driver: ExamDriver;
  let released: ProbedMessage[];
  const institution = randomUUID();
  const otherInstitution = randomUUID();

  beforeAll(async () => {
    bed = await startExamBed({ EXAM_FINALISE_INTERVAL_SECONDS: '0' });
    api = new ExamClient(bed.url);
    driver = new ExamDriver(bed, api, institution);
    await driver.init();
    released = await bed.collect(Topics.ResultsReleased);
  }, 120_000);

  afterAll(async () => {
    await bed.close();
  });

  const results = (examId: string, caller = longCaller('candidate')) =>
    api.call('get', `/me/exams/${examId}/results`, caller);
  const review = (attemptId: string, caller = longCaller('candidate')) =>
    api.call('get', `/me/attempts/${attemptId}/review`, caller);

  describe('release policies', () => {
    it('should show an immediately released result at once, and nobody else’s', async () => {
      const examId = await driver.publishedExam({}, { resultsRelease: 'immediately', passScore: 5 });
      const { candidate, attemptId } = await driver.take(examId, { single: true, multiple: true });
      const mine = await results(examId, candidate);
      expect(mine).toMatchObject({
        status: 200,
        body: {
          examId,
          passScore: 5,
          countedAttempt: 'best',
          countedAttemptId: attemptId,
          score: 6,
          maxScore: 14,
          passed: true,
          items: [{ attemptId, attemptNo: 1, status: 'graded', score: 6, passed: true, counted: true }],
        },
      });
      // Review is not allowed by this exam.
      expect((mine.body.items as { reviewAvailable: boolean }[])[0]?.reviewAvailable).toBe(false);
      expect(await review(attemptId, candidate)).toMatchObject({
        status: 403,
        body: { code: 'RESULT.REVIEW_NOT_ALLOWED' },
      });
      const stranger = longCaller('candidate');
      expect(await results(examId, stranger)).toMatchObject({
        status: 404,
        body: { code: 'RESULT.NOT_FOUND' },
      });
      expect(await review(attemptId, stranger)).toMatchObject({
        status: 404,
        body: { code: 'RESULT.NOT_FOUND' },
      });
      expect((await results(examId, staff(institution, 'org_admin'))).status).toBe(403);
      expect((await api.call('get', `/me/exams/${examId}/results`, null)).status).toBe(401);
    });

    it('should say when an at_date result comes and never show the score before it', async () => {
      const releaseAt = driver.at(5 * HOUR);
      const examId = await driver.publishedExam(
        {},
        {
          resultsRelease: 'at_date',
          resultsReleaseAt: releaseAt.toISOString(),
          reviewAllowed: true,
          passScore: 8,
        },
      );
      const { candidate, attemptId } = await driver.take(examId, { single: true, trueFalse: true });
      driver.clock.set(new Date(releaseAt.getTime() - 1000));
      const early = await results(examId, candidate);
      expect(early).toMatchObject({
        status: 409,
        body: {
          code: 'RESULT.NOT_RELEASED_YET',
          details: [{ field: 'availableAt', reason: releaseAt.toISOString() }],
        },
      });
      expect(early.text).not.toMatch(/score/i);
      expect(await review(attemptId, candidate)).toMatchObject({
        status: 409,
        body: { code: 'RESULT.NOT_RELEASED_YET' },
      });

      driver.clock.set(releaseAt);
      expect(await results(examId, candidate)).toMatchObject({
        status: 200,
        body: { score: 3, passed: false, items: [{ status: 'graded', score: 3, reviewAvailable: true }] },
      });
      const reviewed = await review(attemptId, candidate);
      expect(reviewed.status).toBe(200);
      const questions = reviewed.body.questions as Record<string, unknown>[];
      expect(questions).toHaveLength(5);
      const byId = new Map(questions.map((q) => [q.questionId, q]));
      expect(byId.get(driver.fixture.q.single)).toMatchObject({
        type: 'single',
        worth: 2,
        awarded: 2,
        yourAnswer: { choice: 'A' },
        correctAnswer: { choice: 'A' },
        options: [
          { key: 'A', text: 'right', correct: true },
          { key: 'B', text: 'wrong', correct: false },
        ],
      });
      expect(byId.get(driver.fixture.q.multiple)).toMatchObject({
        awarded: 0,
        yourAnswer: null,
        correctAnswer: { choices: ['A', 'B'] },
      });
      expect(byId.get(driver.fixture.q.blank)).toMatchObject({
        correctAnswer: { blanks: [['北京'], ['上海']] },
      });
      expect(byId.get(driver.fixture.q.trueFalse)).toHaveProperty('explanation');
    });

    it('should hold after_marking results until an org_admin of the exam releases them, once', async () => {
      const examId = await driver.publishedExam({}, { resultsRelease: 'after_marking', reviewAllowed: true });
      const { candidate, attemptId } = await driver.take(examId, { blank: true });
      expect(await results(examId, candidate)).toMatchObject({
        status: 409,
        body: { code: 'RESULT.AWAITING_STAFF_RELEASE' },
      });
      expect(await review(attemptId, candidate)).toMatchObject({
        status: 409,
        body: { code: 'RESULT.AWAITING_STAFF_RELEASE' },
      });
      const release = `/exams/${examId}/results/release`;
      expect((await api.call('post', driver.inst(release), staff(institution, 'org_staff'))).status).toBe(
        403,
      );
      expect((await api.call('post', driver.inst(release), candidate)).status).toBe(403);
      const outsider = staff(otherInstitution, 'org_admin');
      expect((await api.call('post', driver.inst(release), outsider)).status).toBe(403);
      expect(await api.call('post', `/institutions/${otherInstitution}${release}`, outsider)).toMatchObject({
        status: 404,
        body: { code: 'EXAM.NOT_FOUND' },
      });

      const admin = staff(institution, 'org_admin');
      const replies = await Promise.all([1, 2, 3].map(() => api.call('post', driver.inst(release), admin)));
      expect(replies.map((r) => r.status)).toEqual([200, 200, 200]);
      expect(replies.filter((r) => r.body.released === true)).toHaveLength(1);
      expect(new Set(replies.map((r) => r.body.releasedAt)).size).toBe(1);
      await expectEventually(() => {
        const mine = released.filter((m) => m.key === examId);
        expect(mine).toHaveLength(1);
        expect(JSON.parse(mine[0]?.value ?? '{}')).toMatchObject({
          payload: { examId, institutionId: institution, releasedBy: admin.userId },
        });
      });
      expect(await results(examId, candidate)).toMatchObject({
        status: 200,
        body: { score: 2, passed: true, items: [{ reviewAvailable: true }] },
      });
      expect((await review(attemptId, candidate)).status).toBe(200);
    });

    it('should refuse a release while attempts wait for a marker, and for other policies', async () => {
      const examId = await driver.publishedExam({}, { resultsRelease: 'after_marking' });
      const { candidate } = await driver.take(examId, { single: true, essay: true });
      const admin = staff(institution, 'org_admin');
      expect(await api.call('post', driver.inst(`/exams/${examId}/results/release`), admin)).toMatchObject({
        status: 409,
        body: { code: 'RESULT.MARKING_UNFINISHED', details: [{ field: 'awaitingMarking', reason: '1' }] },
      });
      expect((await results(examId, candidate)).body.code).toBe('RESULT.AWAITING_STAFF_RELEASE');
      const immediate = await driver.publishedExam({}, { resultsRelease: 'immediately' });
      expect(await api.call('post', driver.inst(`/exams/${immediate}/results/release`), admin)).toMatchObject(
        {
          status: 409,
          body: { code: 'RESULT.RELEASE_NOT_APPLICABLE' },
        },
      );
    });

    it('should give practice feedback right after submission, before any marking', async () => {
      const examId = await driver.practiceExam();
      const { candidate, attemptId } = await driver.take(
        examId,
        { single: true, essay: true },
        { practice: true },
      );
      const reviewed = await review(attemptId, candidate);
      expect(reviewed).toMatchObject({ status: 200, body: { status: 'submitted', score: null } });
      const essay = (reviewed.body.questions as Record<string, unknown>[]).find(
        (q) => q.questionId === driver.fixture.q.essay,
      );
      expect(essay).toMatchObject({ awarded: null, yourAnswer: { text: 'An argument with a structure.' } });
      expect(await results(examId, candidate)).toMatchObject({
        status: 200,
        body: { score: null, items: [{ status: 'submitted', score: null, reviewAvailable: true }] },
      });
      expect(await review(attemptId, user())).toMatchObject({ status: 404 });
    });
  });

  describe('statistics', () => {
    /**
     * Five candidates (paper: single 2, multiple 4, true/false 1, blank 2, essay 5 left blank; pass 5):
     * c1 all four = 9, c2 no blank = 7, c3 no multiple = 5, c4 only true/false = 1, c5 only single = 2,
     * using 10, 20, 30, 40 and 50 minutes. Values worked by hand in the comments below.
     */
    let examId: string;
    const cohort = [
      { plan: { single: true, multiple: true, trueFalse: true, blank: true }, minutes: 10 },
      { plan: { single: true, multiple: true, trueFalse: true }, minutes: 20 },
      { plan: { single: true, trueFalse: true, blank: true }, minutes: 30 },
      { plan: { trueFalse: true }, minutes: 40 },
      { plan: { single: true }, minutes: 50 },
    ];
    const candidates: string[] = [];

    beforeAll(async () => {
      examId = await driver.publishedExam({}, { resultsRelease: 'immediately', passScore: 5 });
      for (const [i, c] of cohort.entries()) {
        const taken = await driver.take(examId, c.plan, { minutesUsed: c.minutes });
        candidates.push(taken.candidate.userId);
        if (i < 2)
          await bed.dataSource.query(
            `INSERT INTO verified_candidates (user_id, verification_id, masked_name, masked_id_number, minor, verified_at)
             VALUES (?, ?, ?, '1101**********1234', 0, ?)`,
            [taken.candidate.userId, randomUUID(), i === 0 ? '张*明' : '**华', driver.t0],
          );
      }
    }, 120_000);

    it('should compute the designed cohort’s numbers for staff of the institution', async () => {
      const reply = await api.call('get', driver.inst(`/exams/${examId}/statistics`), staff(institution));
      expect(reply.status).toBe(200);
      const body = reply.body as Record<string, unknown> & {
        distribution: { count: number }[];
        questions: Record<string, unknown>[];
      };
      expect(body).toMatchObject({
        candidates: 5,
        maxScore: 14,
        passScore: 5,
        smallCohort: false,
        // Scores 9, 7, 5, 1, 2: mean 24/5, median 5; passed 9, 7, 5.
        score: { mean: 4.8, median: 5, min: 1, max: 9 },
        passed: 3,
        passRate: 0.6,
        timeUsedSeconds: { mean: 1800, median: 1800, min: 600, max: 3000 },
      });
      // Bands of 1.4 points: 1 → 0, 2 → 1, 5 → 3, 7 → 5, 9 → 6.
      expect(body.distribution.map((b) => b.count)).toEqual([1, 1, 0, 1, 0, 1, 1, 0, 0, 0]);
      const q = new Map(body.questions.map((x) => [x.questionId, x]));
      const f = driver.fixture.q;
      // Upper group (27 % of 5 = 1): c1; lower group: c4.
      expect(q.get(f.single)).toMatchObject({ takers: 5, difficulty: 0.8, discrimination: 1, flags: [] });
      expect(q.get(f.multiple)).toMatchObject({ difficulty: 0.4, discrimination: 1, flags: [] });
      expect(q.get(f.trueFalse)).toMatchObject({
        difficulty: 0.8,
        discrimination: 0,
        flags: ['low_discrimination'],
      });
      expect(q.get(f.blank)).toMatchObject({ difficulty: 0.4, discrimination: 1, flags: [] });
      expect(q.get(f.essay)).toMatchObject({
        difficulty: 0,
        discrimination: 0,
        pointBiserial: null,
        flags: ['too_hard', 'low_discrimination'],
      });
      // r(item share, rest-score): single 2.2/√(0.8·32.8), multiple 1.6/√(1.2·12.8), t/f 2/√(0.8·40), blank 2/√(1.2·32).
      expect(q.get(f.single)?.pointBiserial).toBeCloseTo(0.4295, 3);
      expect(q.get(f.multiple)?.pointBiserial).toBeCloseTo(0.4082, 3);
      expect(q.get(f.trueFalse)?.pointBiserial).toBeCloseTo(0.3536, 3);
      expect(q.get(f.blank)?.pointBiserial).toBeCloseTo(0.3227, 3);
    });

    it('should refuse candidates and other institutions', async () => {
      const path = `/exams/${examId}/statistics`;
      expect((await api.call('get', driver.inst(path), longCaller('candidate'))).status).toBe(403);
      expect((await api.call('get', driver.inst(path), staff(otherInstitution, 'org_admin'))).status).toBe(
        403,
      );
      expect(
        await api.call(
          'get',
          `/institutions/${otherInstitution}${path}`,
          staff(otherInstitution, 'org_admin'),
        ),
      ).toMatchObject({ status: 404, body: { code: 'EXAM.NOT_FOUND' } });
      expect((await api.call('get', driver.inst(`${path}.xlsx`), staff(otherInstitution))).status).toBe(403);
    });

    it('should export a workbook with pseudonyms and masked names only', async () => {
      const reply = await api.call(
        'get',
        driver.inst(`/exams/${examId}/statistics.xlsx`),
        staff(institution),
        undefined,
        true,
      );
      expect(reply.status).toBe(200);
      expect(reply.headers['content-type']).toContain('spreadsheetml');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(reply.raw as unknown as ArrayBuffer);
      expect(workbook.worksheets.map((s) => s.name)).toEqual(['summary', 'questions', 'attempts']);
      const cells: string[] = [];
      for (const sheet of workbook.worksheets)
        sheet.eachRow((row) => {
          row.eachCell((cell) => cells.push(cell.text));
        });
      const text = cells.join('\n');
      for (const userId of candidates) expect(text).not.toContain(userId);
      expect(text).not.toContain('张');
      expect(text).not.toContain('1101');
      const attempts = workbook.getWorksheet('attempts');
      const rows: string[][] = [];
      attempts?.eachRow((row, n) => {
        if (n > 1) rows.push([1, 2, 4].map((c) => row.getCell(c).text));
      });
      expect(rows).toHaveLength(5);
      for (const [pseudonym] of rows) expect(pseudonym).toMatch(/^C-[0-9A-F]{10}$/);
      expect(rows.map((r) => r[1]).sort()).toEqual(['', '', '', '**华', '**明']);
      expect(rows.map((r) => Number(r[2])).sort((a, b) => a - b)).toEqual([1, 2, 5, 7, 9]);
      const summary = workbook.getWorksheet('summary');
      const metrics = new Map<string, string>();
      summary?.eachRow((row) => metrics.set(row.getCell(1).text, row.getCell(2).text));
      expect(metrics.get('passRate')).toBe('0.6');
      expect(metrics.get('meanScore')).toBe('4.8');
    });
  });
});
