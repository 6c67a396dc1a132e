import { randomUUID } from 'node:crypto';

import type { ServiceTestBed } from '@exam/testing';

import type { ExamEnv } from '../../src/config/exam.env';
import {
  attemptExamBody,
  attemptPaper,
  type AttemptPaperFixture,
  device,
  HOUR,
  longCaller,
  MINUTE,
  ServiceClock,
} from './attempt-fixtures';
import { type Caller, ExamClient, type Reply } from './exam-bed';

/** Which questions of the attempt paper a candidate answers correctly (the others stay blank). */
export interface AnswerPlan {
  readonly single?: boolean;
  readonly multiple?: boolean;
  readonly trueFalse?: boolean;
  readonly blank?: boolean;
  /** Written essay: the attempt waits for a marker. */
  readonly essay?: boolean;
}

/** Points of a plan on the attempt paper: single 2, multiple 4, true/false 1, blank 2 (essay blank: 0). */
export function pointsOf(plan: AnswerPlan): number {
  return (plan.single ? 2 : 0) + (plan.multiple ? 4 : 0) + (plan.trueFalse ? 1 : 0) + (plan.blank ? 2 : 0);
}

/** Publishes exams of one institution on the attempt paper and takes them as candidates, on the service clock. */
export class ExamDriver {
  readonly admin: Caller;
  readonly t0 = new Date(Math.floor(Date.now() / 1000) * 1000);
  readonly clock: ServiceClock;
  fixture!: AttemptPaperFixture;

  constructor(
    readonly bed: ServiceTestBed<ExamEnv>,
    readonly api: ExamClient,
    readonly institution: string,
  ) {
    this.admin = longCaller({ institutionId: institution, role: 'org_admin' });
    this.clock = new ServiceClock(bed);
    this.clock.set(this.t0);
  }

  async init(): Promise<void> {
    this.fixture = await attemptPaper(this.api, this.admin, this.institution);
  }

  inst(path: string): string {
    return `/institutions/${this.institution}${path}`;
  }

  /** Minutes after the exam window opened (an hour after t0). */
  atOpen(minutes = 5): Date {
    return new Date(this.t0.getTime() + HOUR + minutes * MINUTE);
  }

  at(ms: number): Date {
    return new Date(this.t0.getTime() + ms);
  }

  async publishedExam(
    over: Record<string, unknown> = {},
    settings: Record<string, unknown> = {},
  ): Promise<string> {
    this.clock.set(this.t0);
    const body = attemptExamBody(this.fixture.paperId, this.t0, over, settings);
    const exam = await this.api.call('post', this.inst('/exams'), this.admin, body);
    if (exam.status !== 201) throw new Error(`exam not created: ${exam.text}`);
    const id = exam.body.examId as string;
    const published = await this.api.call('post', this.inst(`/exams/${id}/publish`), this.admin);
    if (published.status !== 200) throw new Error(`exam not published: ${published.text}`);
    return id;
  }

  /** A practice exam: open now, no registration, feedback at once. */
  practiceExam(settings: Record<string, unknown> = {}): Promise<string> {
    return this.publishedExam(
      {
        practice: true,
        registrationOpensAt: undefined,
        registrationClosesAt: undefined,
        capacity: undefined,
      },
      settings,
    );
  }

  /**
   * Registers (unless practice), starts at `startAt`, answers by the plan, submits `minutesUsed` later.
   * Returns the attempt id and the submission's reply.
   */
  async take(
    examId: string,
    plan: AnswerPlan,
    options: { candidate?: Caller; practice?: boolean; minutesUsed?: number; startAt?: Date } = {},
  ): Promise<{ candidate: Caller; attemptId: string; submitted: Reply }> {
    const candidate = options.candidate ?? longCaller('candidate');
    if (options.practice !== true) {
      this.clock.set(this.t0);
      const reg = await this.api.call('post', `/exams/${examId}/registrations`, candidate, { answers: [] });
      if (reg.status !== 201 && reg.status !== 409) throw new Error(`registration failed: ${reg.text}`);
    }
    const startAt = options.startAt ?? this.atOpen();
    this.clock.set(startAt);
    const dev = device('pc');
    const started = await this.api.send('post', `/exams/${examId}/attempts`, candidate, dev, {});
    if (started.status !== 201) throw new Error(`attempt not started: ${started.text}`);
    const attemptId = started.body.attemptId as string;
    const q = this.fixture.q;
    const answers: [string, Record<string, unknown>][] = [];
    if (plan.single) answers.push([q.single, { choice: 'A' }]);
    if (plan.multiple) answers.push([q.multiple, { choices: ['A', 'B'] }]);
    if (plan.trueFalse) answers.push([q.trueFalse, { truth: true }]);
    if (plan.blank) answers.push([q.blank, { blanks: ['北京', '上海'] }]);
    if (plan.essay) answers.push([q.essay, { text: 'An argument with a structure.' }]);
    for (const [i, [questionId, answer]] of answers.entries()) {
      const saved = await this.api.send(
        'put',
        `/attempts/${attemptId}/answers/${questionId}`,
        candidate,
        dev,
        {
          seq: i + 1,
          idempotencyKey: `k-${randomUUID().slice(0, 8)}`,
          answer,
        },
      );
      if (saved.status !== 200) throw new Error(`answer not saved: ${saved.text}`);
    }
    this.clock.set(new Date(startAt.getTime() + (options.minutesUsed ?? 10) * MINUTE));
    const submitted = await this.api.send('post', `/attempts/${attemptId}/submit`, candidate, dev);
    if (submitted.status !== 200) throw new Error(`attempt not submitted: ${submitted.text}`);
    return { candidate, attemptId, submitted };
  }
}
