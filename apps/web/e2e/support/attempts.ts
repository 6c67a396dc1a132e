import { randomUUID } from 'node:crypto';

import { type APIRequestContext, type APIResponse, expect } from '@playwright/test';

import { type ApiSession, apiSignIn, bearer, type Candidate } from './accounts';

/**
 * Sitting an exam through the exam API, for journeys whose page is elsewhere (results, marking, proctoring) or
 * that check what the server holds: registering, starting from one device, saving answers, submitting, and
 * reading the answers back. The exam room's own page helpers are in exam-room-page.ts.
 */

/** A candidate's registration as the exam API answers it (numbers only, no name). */
export interface Registration {
  registrationId: string;
  registrationNumber: string;
  ticketNumber: string | null;
  status: string;
}

/** A question of the paper as the attempt shows it to the candidate. */
export interface PaperQuestion {
  questionId: string;
  view: { type: string; options?: { key: string; text: string }[] };
}

/** An attempt being sat through the API, from one device (the same X-Device-Id on every request). */
export interface SittingAttempt {
  attemptId: string;
  session: ApiSession;
  deviceId: string;
  seq: number;
  /** The paper's questions in order. */
  questions: PaperQuestion[];
}

/** An answer body by question type (apps/exam/src/attempt/dto/attempt.dto.ts). */
export type AnswerBody =
  { choice: string } | { choices: string[] } | { truth: boolean } | { blanks: string[] } | { text: string };

/** Someone to act as: a session already signed in, or an account to sign in through the API. */
export type Sitter = ApiSession | Candidate;

function sessionOf(request: APIRequestContext, who: Sitter): Promise<ApiSession> {
  return 'accessToken' in who ? Promise.resolve(who) : apiSignIn(request, who.login, who.password);
}

async function ok(response: APIResponse, what: string): Promise<unknown> {
  expect(response.ok(), `${what}: ${response.status()} ${await response.text()}`).toBe(true);
  return response.json();
}

function deviceHeaders(attempt: SittingAttempt): Record<string, string> {
  return { ...bearer(attempt.session), 'x-device-id': attempt.deviceId };
}

/** Registers the candidate for a free exam that needs no approval (confirmed at once). */
export async function register(
  request: APIRequestContext,
  who: Sitter,
  examId: string,
): Promise<Registration> {
  const session = await sessionOf(request, who);
  const response = await request.post(`/api/exam/exams/${examId}/registrations`, {
    headers: bearer(session),
    data: { answers: [] },
  });
  const registration = (await ok(response, `registering for ${examId}`)) as Registration;
  expect(registration.status).toBe('confirmed');
  return registration;
}

/** Starts the candidate's attempt from a fresh device (the exam must be open). */
export async function startAttempt(
  request: APIRequestContext,
  who: Sitter,
  examId: string,
): Promise<SittingAttempt> {
  const session = await sessionOf(request, who);
  const deviceId = `web-e2e-${randomUUID()}`;
  const response = await request.post(`/api/exam/exams/${examId}/attempts`, {
    headers: { ...bearer(session), 'x-device-id': deviceId },
    data: {},
  });
  const started = (await ok(response, `starting an attempt at ${examId}`)) as {
    attemptId: string;
    paperUrl: string;
  };
  // The start answers with where the paper is; the paper itself comes from its immutable route.
  const paper = (await ok(
    await request.get(started.paperUrl, { headers: bearer(session) }),
    `the paper of ${started.attemptId}`,
  )) as { sections: { questions: PaperQuestion[] }[] };
  const questions = paper.sections.flatMap((s) => s.questions);
  return { attemptId: started.attemptId, session, deviceId, seq: 0, questions };
}

/** Saves one answer (a new sequence number and idempotency key each time). */
export async function saveAnswer(
  request: APIRequestContext,
  attempt: SittingAttempt,
  questionId: string,
  answer: AnswerBody,
): Promise<void> {
  attempt.seq += 1;
  const response = await request.put(`/api/exam/attempts/${attempt.attemptId}/answers/${questionId}`, {
    headers: deviceHeaders(attempt),
    data: { seq: attempt.seq, idempotencyKey: randomUUID(), answer },
  });
  await ok(response, `saving an answer to ${questionId}`);
}

export async function submitAttempt(request: APIRequestContext, attempt: SittingAttempt): Promise<void> {
  const response = await request.post(`/api/exam/attempts/${attempt.attemptId}/submit`, {
    headers: deviceHeaders(attempt),
  });
  await ok(response, `submitting ${attempt.attemptId}`);
}

/** The answers the server holds for an attempt, by question id, read as its candidate from its device. */
export async function heldAnswers(
  request: APIRequestContext,
  attempt: Pick<SittingAttempt, 'attemptId' | 'session' | 'deviceId'>,
): Promise<Record<string, unknown>> {
  const response = await request.get(`/api/exam/attempts/${attempt.attemptId}`, {
    headers: { ...bearer(attempt.session), 'x-device-id': attempt.deviceId },
  });
  expect(response.status(), await response.text()).toBe(200);
  const body = (await response.json()) as { answers: { questionId: string; answer: unknown }[] };
  return Object.fromEntries(body.answers.map((a) => [a.questionId, a.answer]));
}

/** The right answer to each of the exam factory's questions (by option text, since keys may be shuffled). */
export function rightAnswer(question: PaperQuestion): AnswerBody {
  const keyOf = (text: string) => question.view.options?.find((o) => o.text.includes(text))?.key ?? 'A';
  switch (question.view.type) {
    case 'single':
      return { choice: keyOf('RSA') };
    case 'multiple':
      return { choices: [keyOf('多因素'), keyOf('足够长')] };
    case 'true_false':
      return { truth: false };
    case 'fill_blank':
      return { blanks: ['256'] };
    default:
      return { text: '最小权限原则：只授予完成工作所需的最少权限。' };
  }
}

/** Sits a whole exam made by the exam factory: starts on one device, answers every question right, submits. */
export async function sitExam(request: APIRequestContext, who: Sitter, examId: string): Promise<string> {
  const attempt = await startAttempt(request, who, examId);
  for (const question of attempt.questions)
    await saveAnswer(request, attempt, question.questionId, rightAnswer(question));
  await submitAttempt(request, attempt);
  return attempt.attemptId;
}
