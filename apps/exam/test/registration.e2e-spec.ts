import { randomUUID } from 'node:crypto';

import { Topics } from '@exam/contracts';
import { expectEventually, type ProbedMessage, type ServiceTestBed, testEnvelope } from '@exam/testing';
import ExcelJS from 'exceljs';

import type { ExamEnv } from '../src/config/exam.env';
import { RetentionService } from '../src/retention/retention.service';
import { developmentTicketKeyPair, parseTicketPrivateKey, signTicketToken } from '../src/ticket/ticket-token';
import { type Caller, ExamClient, staff, startExamBed, user } from './support/exam-bed';

const HOUR = 3_600_000;

function examBody(
  paperId: string,
  over: Record<string, unknown> = {},
  settings: Record<string, unknown> = {},
) {
  const now = Date.now();
  return {
    title: '2027 年度资格考试',
    notice: '<p>请携带身份证。</p><script>x</script>',
    paperId,
    visibility: 'public',
    practice: false,
    opensAt: new Date(now + 48 * HOUR).toISOString(),
    closesAt: new Date(now + 51 * HOUR).toISOString(),
    registrationOpensAt: new Date(now - HOUR).toISOString(),
    registrationClosesAt: new Date(now + 24 * HOUR).toISOString(),
    capacity: 100,
    feeFen: 0,
    requiresRealName: false,
    requiresApproval: false,
    ...over,
    settings: {
      durationMinutes: 120,
      lateEntryMinutes: 15,
      minMinutesBeforeSubmit: 30,
      attemptsAllowed: 1,
      countedAttempt: 'best',
      onExpiry: 'auto_submit',
      graceMinutes: 0,
      passScore: 3,
      resultsRelease: 'after_marking',
      allowedIpRanges: ['10.0.0.0/8'],
      accessPassword: 'secret-pass',
      faceCheckAtEntry: false,
      antiCheat: {
        tabSwitchLimit: 3,
        tabSwitchMinAwaySeconds: 2,
        fullScreenRequired: true,
        blockCopyPaste: true,
        periodicFaceCheckMinutes: 10,
        faceCheckFailureLimit: 3,
        consequence: 'flag',
      },
      venue: { kind: 'onsite', address: '北京市海淀区考点 1 号楼' },
      registrationForm: [
        { key: 'employer', label: '工作单位', kind: 'text', required: true },
        { key: 'education', label: '学历', kind: 'select', required: false, options: ['本科', '硕士'] },
      ],
      ...settings,
    },
  };
}

describe('exam papers, exams and registration (e2e)', () => {
  let bed: ServiceTestBed<ExamEnv>;
  let api: ExamClient;
  const institution = randomUUID();
  const other = randomUUID();
  let admin: Caller;
  let clerk: Caller;
  let outsider: Caller;
  let bankId: string;
  let paperId: string;
  let questionIds: string[];
  let created: ProbedMessage[];
  let confirmed: ProbedMessage[];
  let cancelled: ProbedMessage[];
  let refunds: ProbedMessage[];

  const inst = (path: string) => `/institutions/${institution}${path}`;

  async function publishedExam(
    over: Record<string, unknown> = {},
    settings: Record<string, unknown> = {},
  ): Promise<string> {
    const exam = await api.call('post', inst('/exams'), admin, examBody(paperId, over, settings));
    expect(exam.status).toBe(201);
    const id = exam.body.examId as string;
    expect((await api.call('post', inst(`/exams/${id}/publish`), admin)).status).toBe(200);
    return id;
  }

  beforeAll(async () => {
    bed = await startExamBed();
    api = new ExamClient(bed.url);
    admin = staff(institution, 'org_admin');
    clerk = staff(institution, 'org_staff');
    outsider = staff(other, 'org_admin');
    [created, confirmed, cancelled, refunds] = await Promise.all([
      bed.collect(Topics.RegistrationCreated),
      bed.collect(Topics.RegistrationConfirmed),
      bed.collect(Topics.RegistrationCancelled),
      bed.collect(Topics.RefundRequested),
    ]);
    const bank = await api.call('post', inst('/banks'), admin, { name: 'b' });
    bankId = bank.body.bankId as string;
    questionIds = [];
    for (let i = 0; i < 6; i++) {
      const q = await api.call('post', inst(`/banks/${bankId}/questions`), admin, {
        type: 'single',
        stem: `q${i}`,
        score: 1,
        difficulty: (i % 2) + 1,
        options: [
          { text: 'right', correct: true },
          { text: 'wrong', correct: false },
          { text: 'other', correct: false },
        ],
      });
      questionIds.push(q.body.questionId as string);
    }
  });

  afterAll(async () => {
    await bed.close();
  });

  it('should build papers: fixed, draw with a pool check, preview without answers, reproducible by seed', async () => {
    const section = {
      title: '一、单选',
      instructions: '每题 1 分',
      shuffleQuestions: true,
      shuffleOptions: true,
    };
    const tooBig = await api.call('post', inst('/papers'), admin, {
      title: 'p',
      bankId,
      kind: 'draw',
      sections: [{ ...section, items: [], draws: [{ count: 4, scoreEach: 1, difficulty: 2 }] }],
    });
    expect(tooBig).toMatchObject({
      status: 422,
      body: { code: 'PAPER.POOL_TOO_SMALL', details: [{ field: 'sections[0].draws[0]' }] },
    });
    const wrongKind = await api.call('post', inst('/papers'), admin, {
      title: 'p',
      bankId,
      kind: 'fixed',
      sections: [{ ...section, items: [], draws: [{ count: 1, scoreEach: 1 }] }],
    });
    expect(wrongKind).toMatchObject({ status: 400, body: { code: 'PAPER.STRUCTURE_INVALID' } });
    const paper = await api.call('post', inst('/papers'), admin, {
      title: '模拟卷',
      bankId,
      kind: 'mixed',
      sections: [
        {
          ...section,
          items: [{ questionId: questionIds[0] }, { questionId: questionIds[1], score: 2 }],
          draws: [{ count: 2, scoreEach: 1 }],
        },
      ],
    });
    expect(paper).toMatchObject({ status: 201, body: { totalScore: 5 } });
    paperId = paper.body.paperId as string;
    const a = await api.call('get', inst(`/papers/${paperId}/preview?seed=abc`), clerk);
    const b = await api.call('get', inst(`/papers/${paperId}/preview?seed=abc`), clerk);
    expect(a.status).toBe(200);
    expect(a.body).toEqual(b.body);
    expect(a.text).not.toContain('correct');
    expect(a.body).toMatchObject({ paper: { totalScore: 5 } });
    expect((await api.call('get', `/institutions/${other}/papers/${paperId}`, outsider)).status).toBe(404);
    const filtered = await api.call('post', inst('/papers'), admin, {
      title: 'filters',
      bankId,
      kind: 'mixed',
      sections: [
        {
          ...section,
          items: [{ questionId: questionIds[2] }],
          draws: [
            { count: 5, scoreEach: 1, type: 'single' },
            { count: 1, scoreEach: 1, tag: 'no-such-tag' },
            { count: 1, scoreEach: 1, categoryId: randomUUID() },
            { count: 1, scoreEach: 1, type: 'essay' },
          ],
        },
      ],
    });
    expect(filtered).toMatchObject({ status: 422, body: { code: 'PAPER.POOL_TOO_SMALL' } });
    expect((filtered.body.details as { field: string }[]).map((d) => d.field)).toEqual([
      'sections[0].draws[1]',
      'sections[0].draws[2]',
      'sections[0].draws[3]',
    ]);
  });

  it('should refuse inconsistent exam settings with precise 400s', async () => {
    const now = Date.now();
    const backwards = await api.call(
      'post',
      inst('/exams'),
      admin,
      examBody(paperId, { closesAt: new Date(now + 47 * HOUR).toISOString() }),
    );
    expect(backwards).toMatchObject({ status: 400, body: { code: 'EXAM.SETTINGS_INVALID' } });
    expect(backwards.body.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'closesAt' })]),
    );
    const cidr = await api.call(
      'post',
      inst('/exams'),
      admin,
      examBody(paperId, {}, { allowedIpRanges: ['10.0.0.0/40'] }),
    );
    expect(cidr).toMatchObject({
      status: 400,
      body: { details: [{ field: 'settings.allowedIpRanges[0]' }] },
    });
    for (const feeFen of [-1, 1.5, '100'])
      expect((await api.call('post', inst('/exams'), admin, examBody(paperId, { feeFen }))).status).toBe(400);
    const duration = await api.call(
      'post',
      inst('/exams'),
      admin,
      examBody(paperId, {}, { durationMinutes: 0 }),
    );
    expect(duration).toMatchObject({ status: 400, body: { code: 'REQUEST.INVALID' } });
    const pass = await api.call('post', inst('/exams'), admin, examBody(paperId, {}, { passScore: 50 }));
    expect(pass).toMatchObject({ status: 400, body: { details: [{ field: 'settings.passScore' }] } });
  });

  it('should publish, freeze question versions, and limit what changes after publishing', async () => {
    const examId = await publishedExam();
    const exam = await api.call('get', inst(`/exams/${examId}`), clerk);
    expect(exam.body).toMatchObject({
      status: 'published',
      notice: '<p>请携带身份证。</p>',
      settings: { accessPasswordSet: true },
    });
    expect(exam.text).not.toContain('secret-pass');
    const listed = await api.call('get', inst(`/banks/${bankId}/questions`), admin);
    expect(listed.body).toMatchObject({
      items: expect.arrayContaining([
        expect.objectContaining({ questionId: questionIds[0], locked: true }),
      ]) as unknown,
    });
    const edited = await api.call('put', inst(`/banks/${bankId}/questions/${questionIds[0] ?? ''}`), admin, {
      type: 'true_false',
      stem: 'changed',
      score: 1,
      difficulty: 1,
      answer: true,
    });
    expect(edited).toMatchObject({ status: 200, body: { version: 2 } });
    const versions = await api.call(
      'get',
      inst(`/banks/${bankId}/questions/${questionIds[0] ?? ''}/versions`),
      admin,
    );
    expect(versions.body).toMatchObject({
      items: [
        { version: 2, locked: false },
        { version: 1, locked: true, content: { stem: 'q0' } },
      ],
    });
    expect(
      (await api.call('delete', inst(`/banks/${bankId}/questions/${questionIds[0] ?? ''}`), admin)).body,
    ).toMatchObject({ code: 'BANK.QUESTION_IN_USE' });
    const body = examBody(paperId);
    const stored = exam.body as {
      opensAt: string;
      closesAt: string;
      registrationOpensAt: string;
      registrationClosesAt: string;
    };
    const same = {
      ...body,
      opensAt: stored.opensAt,
      closesAt: stored.closesAt,
      registrationOpensAt: stored.registrationOpensAt,
      registrationClosesAt: stored.registrationClosesAt,
    };
    const locked = await api.call('put', inst(`/exams/${examId}`), admin, {
      ...same,
      feeFen: 100,
      settings: { ...same.settings, durationMinutes: 60 },
    });
    expect(locked).toMatchObject({ status: 409, body: { code: 'EXAM.LOCKED_AFTER_PUBLISH' } });
    expect((locked.body.details as { field: string }[]).map((d) => d.field).sort()).toEqual([
      'feeFen',
      'settings.durationMinutes',
    ]);
    const retitled = await api.call('put', inst(`/exams/${examId}`), admin, {
      ...same,
      title: '新标题',
      capacity: 150,
    });
    expect(retitled).toMatchObject({ status: 200, body: { title: '新标题', capacity: 150 } });
    expect((await api.call('post', inst(`/exams/${examId}/publish`), admin)).body).toMatchObject({
      code: 'EXAM.WRONG_STATE',
    });
    expect((await api.call('post', inst(`/exams/${examId}/close`), clerk)).status).toBe(403);
    const acc = await api.call('put', inst(`/exams/${examId}/accommodations/${randomUUID()}`), clerk, {
      extraMinutes: 30,
      extraAttempts: 1,
    });
    expect(acc).toMatchObject({ status: 200, body: { effectiveDurationMinutes: 150 } });
    expect((await api.call('get', inst(`/exams/${examId}/accommodations`), clerk)).body).toMatchObject({
      items: [{ extraMinutes: 30 }],
    });
    expect((await api.call('get', `/institutions/${other}/exams/${examId}`, outsider)).status).toBe(404);
    expect((await api.call('get', inst(`/exams/${examId}`), outsider)).status).toBe(403);
  });

  it('should list open exams and show a notice without the paper', async () => {
    const examId = await publishedExam({ visibility: 'institution' });
    const publicList = await api.call('get', '/exams/open', user());
    expect((publicList.body.items as { examId: string }[]).some((e) => e.examId === examId)).toBe(false);
    const own = await api.call('get', `/exams/open?institutionId=${institution}`, user());
    expect((own.body.items as { examId: string }[]).some((e) => e.examId === examId)).toBe(true);
    const notice = await api.call('get', `/exams/${examId}/notice`, user());
    expect(notice).toMatchObject({
      status: 200,
      body: {
        seatsLeft: 100,
        registrationForm: [{ key: 'employer' }, { key: 'education' }],
        // The exam room's rules for the candidate: whether a password is asked, never the password or its hash.
        room: {
          antiCheat: {
            tabSwitchLimit: 3,
            fullScreenRequired: true,
            periodicFaceCheckMinutes: 10,
            consequence: 'flag',
          },
          accessPasswordRequired: true,
          faceCheckAtEntry: false,
          lateEntryMinutes: 15,
          minMinutesBeforeSubmit: 30,
          attemptsAllowed: 1,
          resultsRelease: 'after_marking',
        },
      },
    });
    expect(notice.text).not.toContain('paperId');
    expect(notice.text).not.toContain('secret-pass');
    expect(notice.text).not.toContain('accessPasswordHash');
    expect(notice.text).not.toContain('allowedIpRanges');
  });

  it('should refuse an exam with a face check at entry until the real name is face-verified', async () => {
    const examId = await publishedExam({ requiresRealName: true }, { faceCheckAtEntry: true });
    const candidate = user();
    const answers = [{ key: 'employer', value: '北京某某科技有限公司' }];
    const verified = (faceVerified: boolean | undefined) =>
      testEnvelope(Topics.VerificationCompleted, candidate.userId, {
        userId: candidate.userId,
        verificationId: randomUUID(),
        result: 'match',
        maskedName: '李*',
        maskedIdNumber: '1101**********1234',
        minor: false,
        ...(faceVerified === undefined ? {} : { faceVerified }),
      });
    const register = () => api.call('post', `/exams/${examId}/registrations`, candidate, { answers });

    expect(await register()).toMatchObject({
      status: 403,
      body: { code: 'REGISTRATION.REAL_NAME_REQUIRED' },
    });
    // An event from before identity sent the face state, then an explicit name-and-number-only verification.
    await bed.publish(verified(undefined));
    await expectEventually(async () => {
      const form = await api.call('get', `/exams/${examId}/registration-form`, candidate);
      expect(form.body).toMatchObject({ verified: true });
    });
    const legacy = await register();
    await bed.publish(verified(false));
    const nameOnly = await register();
    await bed.publish(verified(true));
    await expectEventually(async () => {
      const ok = await register();
      expect(ok).toMatchObject({ status: 201, body: { verifiedName: '李*' } });
    });

    for (const refused of [legacy, nameOnly])
      expect(refused).toMatchObject({
        status: 403,
        body: { code: 'REGISTRATION.FACE_VERIFIED_REAL_NAME_REQUIRED' },
      });
    const notice = await api.call('get', `/exams/${examId}/notice`, user());
    expect(notice.body).toMatchObject({ seatsLeft: 99 });
  });

  it('should require a verified real name, then pre-fill it masked', async () => {
    const examId = await publishedExam({ requiresRealName: true });
    const candidate = user();
    const answers = [{ key: 'employer', value: '北京某某科技有限公司' }];
    const refused = await api.call('post', `/exams/${examId}/registrations`, candidate, { answers });
    expect(refused).toMatchObject({ status: 403, body: { code: 'REGISTRATION.REAL_NAME_REQUIRED' } });
    await bed.publish(
      testEnvelope(Topics.VerificationCompleted, candidate.userId, {
        userId: candidate.userId,
        verificationId: randomUUID(),
        result: 'match',
        maskedName: '张*',
        maskedIdNumber: '1101**********1234',
        minor: false,
      }),
    );
    await expectEventually(async () => {
      const form = await api.call('get', `/exams/${examId}/registration-form`, candidate);
      expect(form.body).toMatchObject({
        verified: true,
        verifiedName: '张*',
        verifiedIdNumber: '1101**********1234',
      });
    });
    const badForm = await api.call('post', `/exams/${examId}/registrations`, candidate, {
      answers: [{ key: 'education', value: '博士' }],
    });
    expect(badForm).toMatchObject({ status: 400, body: { code: 'REGISTRATION.FORM_INVALID' } });
    const unknownField = await api.call('post', `/exams/${examId}/registrations`, candidate, {
      answers,
      verifiedName: '李四',
    });
    expect(unknownField).toMatchObject({ status: 400, body: { code: 'REQUEST.INVALID' } });
    const ok = await api.call('post', `/exams/${examId}/registrations`, candidate, { answers });
    expect(ok).toMatchObject({
      status: 201,
      body: { status: 'confirmed', verifiedName: '张*', verifiedIdNumber: '1101**********1234' },
    });
    expect(ok.body.registrationNumber).toMatch(/^[A-Z2-9]{8}\d{6}$/);
    const twice = await api.call('post', `/exams/${examId}/registrations`, candidate, { answers });
    expect(twice).toMatchObject({ status: 409, body: { code: 'REGISTRATION.ALREADY_REGISTERED' } });
    expect((await api.call('post', `/exams/${examId}/registrations`, clerk, { answers })).status).toBe(403);
  });

  it('should refuse outside the window and for practice exams', async () => {
    const now = Date.now();
    const early = await publishedExam({
      registrationOpensAt: new Date(now + HOUR).toISOString(),
      registrationClosesAt: new Date(now + 2 * HOUR).toISOString(),
    });
    const refused = await api.call('post', `/exams/${early}/registrations`, user(), {
      answers: [{ key: 'employer', value: 'x' }],
    });
    expect(refused).toMatchObject({ status: 409, body: { code: 'REGISTRATION.WINDOW_CLOSED' } });
    const practice = await publishedExam({
      practice: true,
      capacity: undefined,
      registrationOpensAt: undefined,
      registrationClosesAt: undefined,
    });
    const asObject = await api.call('post', `/exams/${practice}/registrations`, user(), { answers: {} });
    expect(asObject).toMatchObject({
      status: 400,
      body: {
        details: expect.arrayContaining([
          expect.objectContaining({
            field: 'answers',
            reason: expect.stringContaining('list of { key, value } pairs') as unknown,
          }),
        ]) as unknown,
      },
    });
    const practiced = await api.call('post', `/exams/${practice}/registrations`, user(), { answers: [] });
    expect(practiced).toMatchObject({ status: 409, body: { code: 'REGISTRATION.PRACTICE_OPEN' } });
  });

  it('should take a paid registration through payment, lock it, issue a verifiable ticket, and refund on cancel', async () => {
    const examId = await publishedExam({ feeFen: 12_000 });
    const candidate = user();
    const reg = await api.call('post', `/exams/${examId}/registrations`, candidate, {
      answers: [{ key: 'employer', value: '某大学' }],
    });
    expect(reg).toMatchObject({
      status: 201,
      body: { status: 'pending_payment', feeFen: 12_000, locked: false },
    });
    const registrationId = reg.body.registrationId as string;
    await expectEventually(() => {
      const event = created.find((m) => m.key === registrationId);
      expect(JSON.parse(event?.value ?? '{}')).toMatchObject({
        payload: { feeRequired: true, feeFen: 12_000, userId: candidate.userId },
      });
    });
    const edit = await api.call('put', `/me/registrations/${registrationId}`, candidate, {
      answers: [{ key: 'employer', value: '另一所大学' }],
    });
    expect(edit).toMatchObject({ status: 200, body: { answers: { employer: '另一所大学' } } });
    const noTicket = await api.call(
      'get',
      `/me/registrations/${registrationId}/admission-ticket.pdf`,
      candidate,
    );
    expect(noTicket).toMatchObject({ status: 409, body: { code: 'REGISTRATION.NOT_CONFIRMED' } });
    const orderId = randomUUID();
    const paid = testEnvelope(Topics.OrderPaid, registrationId, {
      orderId,
      userId: candidate.userId,
      registrationId,
      amountFen: 12_000,
      currency: 'CNY',
    });
    await bed.publish(paid, paid);
    await expectEventually(async () => {
      const mine = await api.call('get', `/me/registrations/${registrationId}`, candidate);
      expect(mine.body).toMatchObject({ status: 'confirmed', paid: true, locked: true });
    });
    await expectEventually(() => {
      expect(confirmed.filter((m) => m.key === registrationId)).toHaveLength(1);
    });
    const locked = await api.call('put', `/me/registrations/${registrationId}`, candidate, {
      answers: [{ key: 'employer', value: 'x' }],
    });
    expect(locked).toMatchObject({ status: 409, body: { code: 'REGISTRATION.LOCKED_AFTER_ORDER' } });
    expect(locked.body.message).toContain('reject');
    const pdf = await api.call(
      'get',
      `/me/registrations/${registrationId}/admission-ticket.pdf`,
      candidate,
      undefined,
      true,
    );
    expect(pdf.status).toBe(200);
    expect(pdf.raw?.subarray(0, 5).toString()).toBe('%PDF-');
    expect(
      (await api.call('get', `/me/registrations/${registrationId}/admission-ticket.pdf`, user())).status,
    ).toBe(404);
    const mine = await api.call('get', `/me/registrations/${registrationId}`, candidate);
    const dev = developmentTicketKeyPair();
    const token = signTicketToken(
      {
        iss: 'exam',
        sub: candidate.userId,
        examId,
        registrationId,
        registrationNumber: mine.body.registrationNumber as string,
        ticketNumber: mine.body.ticketNumber as string,
        iat: Math.floor(Date.now() / 1000),
        exp: Math.floor(Date.now() / 1000) + 3600,
      },
      dev.keyId,
      parseTicketPrivateKey(dev.privateKey),
    );
    const verified = await api.call('post', inst('/admission-tickets/verify'), clerk, { token });
    expect(verified.body).toMatchObject({ valid: true, ticketNumber: mine.body.ticketNumber });
    const foreign = await api.call('post', `/institutions/${other}/admission-tickets/verify`, outsider, {
      token,
    });
    expect(foreign.body).toMatchObject({ valid: false, reason: 'other_institution' });
    const cancel = await api.call('post', `/me/registrations/${registrationId}/cancel`, candidate);
    expect(cancel).toMatchObject({ status: 200, body: { status: 'cancelled' } });
    await expectEventually(() => {
      expect(cancelled.some((m) => m.key === registrationId)).toBe(true);
      const refund = refunds.find((m) => m.key === registrationId);
      expect(JSON.parse(refund?.value ?? '{}')).toMatchObject({ payload: { orderId, amountFen: 12_000 } });
    });
    const notice = await api.call('get', `/exams/${examId}/notice`, user());
    expect(notice.body).toMatchObject({ seatsLeft: 100 });
    expect(
      (await api.call('post', `/me/registrations/${registrationId}/cancel`, candidate)).body,
    ).toMatchObject({ code: 'REGISTRATION.ENDED' });
  });

  it('should let staff approve or reject with a reason, search, export masked and reveal in full', async () => {
    const examId = await publishedExam({ requiresApproval: true });
    const a = user();
    const b = user();
    const ra = await api.call('post', `/exams/${examId}/registrations`, a, {
      answers: [{ key: 'employer', value: '北京大学' }],
    });
    const rb = await api.call('post', `/exams/${examId}/registrations`, b, {
      answers: [{ key: 'employer', value: '清华大学' }],
    });
    expect(ra.body).toMatchObject({ status: 'pending_review' });
    const list = await api.call('get', inst(`/exams/${examId}/registrations?status=pending_review`), clerk);
    expect(list.body).toMatchObject({ total: 2 });
    expect(list.text).not.toContain('北京大学');
    const paperA = await api.call(
      'get',
      inst(`/exams/${examId}/registrations/${ra.body.registrationId as string}/paper`),
      clerk,
    );
    const againA = await api.call(
      'get',
      inst(`/exams/${examId}/registrations/${ra.body.registrationId as string}/paper`),
      clerk,
    );
    expect(paperA.status).toBe(200);
    expect(paperA.body).toEqual(againA.body);
    expect(paperA.text).not.toContain('correct');
    expect((paperA.body as { paper: { totalScore: number } }).paper.totalScore).toBe(5);
    const search = await api.call(
      'get',
      inst(`/exams/${examId}/registrations?registrationNumber=${rb.body.registrationNumber as string}`),
      clerk,
    );
    expect(search.body).toMatchObject({ total: 1, items: [{ answers: { employer: '清***' } }] });
    const approved = await api.call(
      'post',
      inst(`/exams/${examId}/registrations/${ra.body.registrationId as string}/approve`),
      clerk,
    );
    expect(approved.body).toMatchObject({ status: 'confirmed' });
    const rejected = await api.call(
      'post',
      inst(`/exams/${examId}/registrations/${rb.body.registrationId as string}/reject`),
      clerk,
      { reason: '照片不符合要求' },
    );
    expect(rejected.body).toMatchObject({ status: 'rejected' });
    const seen = await api.call('get', `/me/registrations/${rb.body.registrationId as string}`, b);
    expect(seen.body).toMatchObject({ status: 'rejected', reviewReason: '照片不符合要求' });
    expect(
      (
        await api.call(
          'post',
          inst(`/exams/${examId}/registrations/${rb.body.registrationId as string}/approve`),
          clerk,
        )
      ).body,
    ).toMatchObject({
      code: 'REGISTRATION.NOT_PENDING_REVIEW',
    });
    expect(
      (await api.call('get', `/institutions/${other}/exams/${examId}/registrations`, outsider)).status,
    ).toBe(404);
    expect((await api.call('get', inst(`/exams/${examId}/registrations`), outsider)).status).toBe(403);
    expect((await api.call('get', inst(`/exams/${examId}/registrations`), a)).status).toBe(403);
    const xlsx = await api.call(
      'get',
      inst(`/exams/${examId}/registrations-export.xlsx`),
      clerk,
      undefined,
      true,
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.raw as unknown as ArrayBuffer);
    const cells = JSON.stringify(book.worksheets[0]?.getSheetValues());
    expect(cells).toContain('北***');
    expect(cells).not.toContain('北京大学');
    const reason = { reason: 'Candidate disputes the employer on file; checking it.' };
    const path = inst(`/exams/${examId}/registrations/${ra.body.registrationId as string}/reveal`);
    expect((await api.call('post', path, clerk, reason)).status).toBe(403);
    const revealed = await api.call('post', path, admin, reason);
    expect(revealed).toMatchObject({ status: 200, body: { field: 'registrationForm' } });
    expect(JSON.parse(revealed.body.value as string)).toEqual({ employer: '北京大学' });
  });

  it('should erase a cancelled account: live registrations end, answers and identity go, the projection is forgotten', async () => {
    const examId = await publishedExam({ feeFen: 100 });
    const candidate = user();
    await bed.publish(
      testEnvelope(Topics.VerificationCompleted, candidate.userId, {
        userId: candidate.userId,
        verificationId: randomUUID(),
        result: 'match',
        maskedName: '王*',
        maskedIdNumber: '3301**********5678',
        minor: false,
      }),
    );
    await expectEventually(async () => {
      const form = await api.call('get', `/exams/${examId}/registration-form`, candidate);
      expect(form.body).toMatchObject({ verified: true });
    });
    const reg = await api.call('post', `/exams/${examId}/registrations`, candidate, {
      answers: [{ key: 'employer', value: '某单位' }],
    });
    const registrationId = reg.body.registrationId as string;
    const orderId = randomUUID();
    await bed.publish(
      testEnvelope(Topics.OrderPaid, registrationId, {
        orderId,
        userId: candidate.userId,
        registrationId,
        amountFen: 100,
        currency: 'CNY',
      }),
    );
    await expectEventually(async () => {
      expect((await api.call('get', `/me/registrations/${registrationId}`, candidate)).body).toMatchObject({
        status: 'confirmed',
      });
    });
    await bed.publish(
      testEnvelope(Topics.ErasureRequested, candidate.userId, {
        userId: candidate.userId,
        requestId: randomUUID(),
        deadline: new Date(Date.now() + 30 * 24 * HOUR).toISOString(),
      }),
    );
    await expectEventually(async () => {
      const mine = await api.call('get', `/me/registrations/${registrationId}`, candidate);
      expect(mine.body).toMatchObject({
        status: 'cancelled',
        answers: {},
        verifiedName: null,
        verifiedIdNumber: null,
      });
    });
    await expectEventually(() => {
      expect(refunds.some((m) => m.key === registrationId)).toBe(true);
    });
    const form = await api.call('get', `/exams/${examId}/registration-form`, candidate);
    expect(form.body).toMatchObject({ verified: false, verifiedName: null });
  });

  it('should empty personal data of registrations past retention, once', async () => {
    const examId = await publishedExam();
    const candidate = user();
    const reg = await api.call('post', `/exams/${examId}/registrations`, candidate, {
      answers: [{ key: 'employer', value: '某单位' }],
    });
    const registrationId = reg.body.registrationId as string;
    const retention = bed.service.app.get(RetentionService);
    const before = await retention.sweep();
    expect(before).toEqual({ registrations: 0 });
    // The exam closed two years ago: its registrations are past RETENTION_REGISTRATIONS_DAYS.
    await bed.dataSource.query('UPDATE exams SET closes_at = ? WHERE id = ?', [
      new Date(Date.now() - 730 * 24 * HOUR),
      examId,
    ]);
    expect(await retention.sweep()).toEqual({ registrations: 1 });
    expect(await retention.sweep()).toEqual({ registrations: 0 });
    const mine = await api.call('get', `/me/registrations/${registrationId}`, candidate);
    expect(mine.body).toMatchObject({
      registrationNumber: reg.body.registrationNumber,
      answers: {},
      verifiedName: null,
    });
  });

  it('should close and archive an exam, refusing edits and registrations afterwards', async () => {
    const draft = await api.call('post', inst('/exams'), admin, examBody(paperId));
    const draftId = draft.body.examId as string;
    expect((await api.call('post', inst(`/exams/${draftId}/close`), admin)).body).toMatchObject({
      code: 'EXAM.WRONG_STATE',
    });
    expect((await api.call('get', `/exams/${draftId}/notice`, user())).status).toBe(404);
    expect((await api.call('delete', inst(`/exams/${draftId}`), admin)).status).toBe(204);
    const examId = await publishedExam();
    expect((await api.call('delete', inst(`/exams/${examId}`), admin)).body).toMatchObject({
      code: 'EXAM.WRONG_STATE',
    });
    expect((await api.call('post', inst(`/exams/${examId}/close`), admin)).body).toMatchObject({
      status: 'closed',
    });
    const late = await api.call('post', `/exams/${examId}/registrations`, user(), {
      answers: [{ key: 'employer', value: 'x' }],
    });
    expect(late).toMatchObject({ status: 404, body: { code: 'EXAM.NOT_FOUND' } });
    expect((await api.call('put', inst(`/exams/${examId}`), admin, examBody(paperId))).body).toMatchObject({
      code: 'EXAM.NOT_EDITABLE',
    });
    expect((await api.call('post', inst(`/exams/${examId}/archive`), admin)).body).toMatchObject({
      status: 'archived',
    });
    expect((await api.call('delete', inst(`/papers/${paperId}`), admin)).body).toMatchObject({
      code: 'PAPER.IN_USE',
    });
  });

  it('should give exactly 100 of 200 parallel registrations a seat', async () => {
    const examId = await publishedExam({ capacity: 100 });
    const candidates = Array.from({ length: 200 }, () => user());
    const started = process.hrtime.bigint();
    const results = await Promise.all(
      candidates.map((c) =>
        api.call('post', `/exams/${examId}/registrations`, c, { answers: [{ key: 'employer', value: 'x' }] }),
      ),
    );
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const statuses = results.map((r) => r.status);
    const ok = statuses.filter((s) => s === 201).length;
    const full = results.filter((r) => r.status === 409 && r.body.code === 'REGISTRATION.FULL').length;
    process.stdout.write(
      `\n200 parallel registrations for 100 seats: ${ok} registered, ${full} refused as full, in ${ms.toFixed(0)} ms\n`,
    );
    expect(ok).toBe(100);
    expect(full).toBe(100);
    const numbers = new Set(results.filter((r) => r.status === 201).map((r) => r.body.registrationNumber));
    expect(numbers.size).toBe(100);
    const exam = await api.call('get', inst(`/exams/${examId}`), clerk);
    expect(exam.body).toMatchObject({ seatsTaken: 100 });
  });
});
