import { randomUUID } from 'node:crypto';

import {
  Clock,
  developmentFaceCheckKeyPair,
  FaceCheckTokenIssuer,
  parseFaceCheckPrivateKey,
} from '@exam/platform';
import { issueTestToken, type ServiceTestBed } from '@exam/testing';

import type { ExamEnv } from '../../src/config/exam.env';
import type { Caller, ExamClient } from './exam-bed';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

/** A caller whose token outlives a long spec (the default test token lives five minutes). */
export function longCaller(
  kind: { institutionId: string; role: 'org_admin' } | 'candidate',
  userId: string = randomUUID(),
): Caller {
  const token =
    kind === 'candidate'
      ? issueTestToken({ userId, roles: ['candidate'], expiresInSeconds: 3600 })
      : issueTestToken({
          userId,
          roles: [],
          memberships: [{ institutionId: kind.institutionId, roles: [kind.role] }],
          expiresInSeconds: 3600,
        });
  return { userId, token };
}

/** The service's clock, moved by the test (server time is what every deadline rule is judged by). */
export class ServiceClock {
  private current = new Date();

  constructor(bed: ServiceTestBed<ExamEnv>) {
    const clock = bed.service.app.get(Clock);
    jest.spyOn(clock, 'now').mockImplementation(() => new Date(this.current.getTime()));
  }

  now(): Date {
    return new Date(this.current.getTime());
  }

  set(to: Date): void {
    this.current = new Date(to.getTime());
  }

  advanceSeconds(seconds: number): void {
    this.current = new Date(this.current.getTime() + seconds * 1000);
  }
}

/** Issues exam-start face-check tokens as identity would, with the development key the exam service trusts. */
export function faceCheckIssuer(clock: ServiceClock): FaceCheckTokenIssuer {
  const keys = developmentFaceCheckKeyPair();
  return new FaceCheckTokenIssuer({
    keyId: keys.keyId,
    privateKey: parseFaceCheckPrivateKey(keys.privateKey),
    ttlSeconds: 300,
    clock: { nowMs: () => clock.now().getTime() },
  });
}

/** A device of a candidate: its X-Device-Id header. */
export function device(name: string): Record<string, string> {
  return { 'x-device-id': `${name}-${randomUUID().slice(0, 8)}` };
}

export interface AttemptPaperFixture {
  readonly paperId: string;
  readonly bankId: string;
  /** Question ids by type: single (2 points), multiple (4, proportional), true_false (1), fill_blank (2), essay (5). */
  readonly q: Readonly<Record<'single' | 'multiple' | 'trueFalse' | 'blank' | 'essay', string>>;
}

/** A bank and a fixed, unshuffled paper with one question of each gradable type and an essay (total 14). */
export async function attemptPaper(
  api: ExamClient,
  admin: Caller,
  institutionId: string,
): Promise<AttemptPaperFixture> {
  const inst = (path: string) => `/institutions/${institutionId}${path}`;
  const bank = await api.call('post', inst('/banks'), admin, { name: 'attempt bank' });
  const bankId = bank.body.bankId as string;
  const create = async (body: object): Promise<string> => {
    const q = await api.call('post', inst(`/banks/${bankId}/questions`), admin, { difficulty: 1, ...body });
    expect(q.status).toBe(201);
    return q.body.questionId as string;
  };
  const q = {
    single: await create({
      type: 'single',
      stem: 'single',
      score: 2,
      options: [
        { text: 'right', correct: true },
        { text: 'wrong', correct: false },
      ],
    }),
    multiple: await create({
      type: 'multiple',
      stem: 'multiple',
      score: 4,
      partialCredit: 'proportional',
      options: [
        { text: 'a', correct: true },
        { text: 'b', correct: true },
        { text: 'c', correct: false },
        { text: 'd', correct: false },
      ],
    }),
    trueFalse: await create({ type: 'true_false', stem: 'tf', score: 1, answer: true }),
    blank: await create({
      type: 'fill_blank',
      stem: 'blank ___ ___',
      score: 2,
      blanks: [{ accepted: ['北京'] }, { accepted: ['上海'] }],
    }),
    essay: await create({ type: 'essay', stem: 'essay', score: 5, rubric: 'argument and structure' }),
  };
  const paper = await api.call('post', inst('/papers'), admin, {
    title: 'attempt paper',
    bankId,
    kind: 'fixed',
    sections: [
      {
        title: 'one',
        instructions: '',
        shuffleQuestions: false,
        shuffleOptions: true,
        items: Object.values(q).map((questionId) => ({ questionId })),
        draws: [],
      },
    ],
  });
  expect(paper).toMatchObject({ status: 201, body: { totalScore: 14 } });
  return { paperId: paper.body.paperId as string, bankId, q };
}

/** An exam body whose registration is open at `t0` and whose window opens an hour later, for three hours. */
export function attemptExamBody(
  paperId: string,
  t0: Date,
  over: Record<string, unknown> = {},
  settings: Record<string, unknown> = {},
): object {
  const at = (ms: number) => new Date(t0.getTime() + ms).toISOString();
  return {
    title: 'attempt exam',
    notice: 'notice',
    paperId,
    visibility: 'public',
    practice: false,
    opensAt: at(HOUR),
    closesAt: at(4 * HOUR),
    registrationOpensAt: at(-HOUR),
    registrationClosesAt: at(HOUR),
    capacity: 1000,
    feeFen: 0,
    requiresRealName: false,
    requiresApproval: false,
    ...over,
    settings: {
      durationMinutes: 60,
      lateEntryMinutes: 30,
      minMinutesBeforeSubmit: 0,
      attemptsAllowed: 1,
      countedAttempt: 'best',
      onExpiry: 'auto_submit',
      graceMinutes: 0,
      passScore: 1,
      resultsRelease: 'after_marking',
      allowedIpRanges: [],
      faceCheckAtEntry: false,
      antiCheat: {
        tabSwitchLimit: 3,
        tabSwitchMinAwaySeconds: 2,
        fullScreenRequired: false,
        blockCopyPaste: false,
        periodicFaceCheckMinutes: 0,
        faceCheckFailureLimit: 3,
        consequence: 'warn',
      },
      venue: { kind: 'online', link: 'https://exam.example/room' },
      registrationForm: [],
      ...settings,
    },
  };
}
