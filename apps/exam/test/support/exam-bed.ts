import { randomUUID } from 'node:crypto';

import { type OrgRole, type PlatformRole, type TopicName, Topics } from '@exam/contracts';
import { issueTestToken, ServiceTestBed } from '@exam/testing';
import request from 'supertest';

import { ExamEnv } from '../../src/config/exam.env';
import { examRoomEdge } from '../../src/edge/exam-room-edge';
import { ExamModule } from '../../src/exam.module';

export const EXAM_TOPICS: readonly TopicName[] = [
  Topics.VerificationCompleted,
  Topics.RealNameAppealReviewed,
  Topics.GuardianConsentWithdrawn,
  Topics.ErasureRequested,
  Topics.OrderPaid,
  Topics.RegistrationCreated,
  Topics.RegistrationConfirmed,
  Topics.RegistrationCancelled,
  Topics.RefundRequested,
  Topics.ExamPersonalDataRevealed,
  Topics.AttemptSubmitted,
  Topics.ProctoringStaffActionTaken,
  Topics.ProctoringConsequenceApplied,
  Topics.AttemptGraded,
  Topics.ResultsReleased,
  Topics.CertificateIssued,
];

export function startExamBed(overrides: Record<string, string> = {}): Promise<ServiceTestBed<ExamEnv>> {
  return ServiceTestBed.start({
    service: 'exam',
    envClass: ExamEnv,
    module: (env) => ExamModule.register(env),
    edge: examRoomEdge,
    topics: EXAM_TOPICS,
    overrides,
  });
}

export interface Caller {
  readonly userId: string;
  readonly token: string;
}

export function staff(institutionId: string, role: OrgRole = 'org_staff'): Caller {
  const userId = randomUUID();
  return {
    userId,
    token: issueTestToken({ userId, roles: [], memberships: [{ institutionId, roles: [role] }] }),
  };
}

export function user(roles: readonly PlatformRole[] = ['candidate'], userId: string = randomUUID()): Caller {
  return { userId, token: issueTestToken({ userId, roles }) };
}

export interface Reply {
  readonly status: number;
  readonly body: Record<string, unknown>;
  readonly text: string;
  readonly headers: Record<string, string>;
  readonly raw: Buffer | undefined;
}

export class ExamClient {
  constructor(private readonly url: string) {}

  async call(
    method: 'get' | 'post' | 'put' | 'patch' | 'delete',
    path: string,
    caller: Caller | null,
    body?: object,
    binary = false,
  ): Promise<Reply> {
    let req = request(this.url)[method](`/api/exam${path}`);
    if (caller) req = req.set('authorization', `Bearer ${caller.token}`);
    if (binary)
      req = req.buffer(true).parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          done(null, Buffer.concat(chunks));
        });
      });
    return this.reply(body === undefined ? await req : await req.send(body), binary);
  }

  /** A JSON call with extra request headers (e.g. X-Device-Id). */
  async send(
    method: 'get' | 'post' | 'put' | 'patch' | 'delete',
    path: string,
    caller: Caller | null,
    headers: Readonly<Record<string, string>>,
    body?: object,
  ): Promise<Reply> {
    let req = request(this.url)[method](`/api/exam${path}`);
    if (caller) req = req.set('authorization', `Bearer ${caller.token}`);
    for (const [name, value] of Object.entries(headers)) req = req.set(name, value);
    return this.reply(body === undefined ? await req : await req.send(body), false);
  }

  private reply(response: request.Response, binary: boolean): Reply {
    return {
      status: response.status,
      body: (binary ? {} : response.body) as Record<string, unknown>,
      text: binary ? '' : response.text,
      headers: response.headers,
      raw: binary ? (response.body as Buffer) : undefined,
    };
  }
}
