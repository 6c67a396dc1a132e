import { type APIRequestContext, expect, type Page } from '@playwright/test';

import { apiSignIn, bearer, type Candidate } from './support/accounts';

/** The exam room's path for an exam. */
export const roomPath = (examId: string) => `/exam-room/${examId}`;

/** The attempt id the room put in its URL (`?attempt=`). */
export function attemptIdOf(page: Page): string {
  const id = new URL(page.url()).searchParams.get('attempt');
  if (id === null) throw new Error(`no attempt in ${page.url()}`);
  return id;
}

/** The room's save state, as its status region shows it (data-save-state). */
export function saveState(page: Page) {
  return page.locator('[data-save-state]');
}

/** The answers the server holds for the attempt, read as the candidate (device id of the page's browser). */
export async function serverAnswers(
  request: APIRequestContext,
  candidate: Candidate,
  page: Page,
): Promise<Record<string, unknown>> {
  const session = await apiSignIn(request, candidate.login, candidate.password);
  const device = await page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('exam-room');
        open.onerror = () => {
          reject(new Error('no exam-room database'));
        };
        open.onsuccess = () => {
          const get = open.result.transaction('device').objectStore('device').get('this');
          get.onsuccess = () => {
            resolve((get.result as { id: string }).id);
          };
        };
      }),
  );
  const response = await request.get(`/api/exam/attempts/${attemptIdOf(page)}`, {
    headers: { ...bearer(session), 'x-device-id': device },
  });
  expect(response.status(), await response.text()).toBe(200);
  const body = (await response.json()) as { answers: { questionId: string; answer: unknown }[] };
  return Object.fromEntries(body.answers.map((a) => [a.questionId, a.answer]));
}

/** Seconds shown by the countdown (mm:ss or h:mm:ss). */
export async function countdownSeconds(page: Page): Promise<number> {
  const text = (await page.getByRole('timer').locator('.room-countdown-value').textContent()) ?? '';
  return text
    .trim()
    .split(':')
    .map(Number)
    .reduce((total, part) => total * 60 + part, 0);
}
