import { type APIRequestContext, expect, type Page } from '@playwright/test';

import { apiSignIn, bearer, type Candidate, createCandidate, signInThroughPage } from './support/accounts';
import { DEMO } from './support/people';

/** A unique suffix for the names a journey creates (banks, papers, exams), so runs never collide. */
export function stamp(): string {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;
}

export function signInAsDemoAdmin(page: Page, path: string): Promise<void> {
  return signInThroughPage(page, { login: DEMO.orgAdmin, password: DEMO.password }, path);
}

/** A fresh candidate registered for the exam through the API, with the given form answers. */
export async function registeredCandidate(
  request: APIRequestContext,
  examId: string,
  answers: Record<string, string>,
): Promise<Candidate & { registrationNumber: string }> {
  const candidate = await createCandidate(request);
  const session = await apiSignIn(request, candidate.login, candidate.password);
  const response = await request.post(`/api/exam/exams/${examId}/registrations`, {
    headers: bearer(session),
    data: { answers: Object.entries(answers).map(([key, value]) => ({ key, value })) },
  });
  expect(response.ok(), `registering: ${await response.text()}`).toBe(true);
  const body = (await response.json()) as { registrationNumber: string; status: string };
  expect(body.status).toBe('pending_review');
  return { ...candidate, registrationNumber: body.registrationNumber };
}
