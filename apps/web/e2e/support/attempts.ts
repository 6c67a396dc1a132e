import { randomUUID } from 'node:crypto';

import { type APIRequestContext, expect } from '@playwright/test';

import { type ApiSession, apiSignIn, bearer, type Candidate } from './accounts';

/** A candidate's registration as the exam API answers it (numbers only, no name). */
export interface Registration {
  registrationId: string;
  registrationNumber: string;
  ticketNumber: string | null;
  status: string;
}

/** An attempt being sat through the API, from one device (the same X-Device-Id on every request). */
export interface SittingAttempt {
  attemptId: string;
  session: ApiSession;
  deviceId: string;
  seq: number;
}

/** An answer body by question type (apps/exam/src/attempt/dto/attempt.dto.ts). */
export type AnswerBody =
  { choice: string } | { choices: string[] } | { truth: boolean } | { blanks: string[] } | { text: string };

async function ok(response: Awaited<ReturnType<APIRequestContext['post']>>, what: string): Promise<unknown> {
  expect(response.ok(), `${what}: ${response.status()} ${await response.text()}`).toBe(true);
  return response.json();
}

/** Registers the candidate for a free exam that needs no approval (confirmed at once). */
export async function register(
  request: APIRequestContext,
  candidate: Candidate,
  examId: string,
): Promise<Registration> {
  const session = await apiSignIn(request, candidate.login, candidate.password);
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
  candidate: Candidate,
  examId: string,
): Promise<SittingAttempt> {
  const session = await apiSignIn(request, candidate.login, candidate.password);
  const deviceId = `web-e2e-${randomUUID()}`;
  const response = await request.post(`/api/exam/exams/${examId}/attempts`, {
    headers: { ...bearer(session), 'x-device-id': deviceId },
    data: {},
  });
  const attempt = (await ok(response, `starting an attempt at ${examId}`)) as { attemptId: string };
  return { attemptId: attempt.attemptId, session, deviceId, seq: 0 };
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
    headers: { ...bearer(attempt.session), 'x-device-id': attempt.deviceId },
    data: { seq: attempt.seq, idempotencyKey: randomUUID(), answer },
  });
  await ok(response, `saving an answer to ${questionId}`);
}

export async function submitAttempt(request: APIRequestContext, attempt: SittingAttempt): Promise<void> {
  const response = await request.post(`/api/exam/attempts/${attempt.attemptId}/submit`, {
    headers: { ...bearer(attempt.session), 'x-device-id': attempt.deviceId },
  });
  await ok(response, `submitting ${attempt.attemptId}`);
}
