import type { APIRequestContext, Page } from '@playwright/test';

import { apiSignIn, type Candidate } from './accounts';
import { heldAnswers } from './attempts';

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

/** The device id the room keeps in IndexedDB (the X-Device-Id it sends). */
function roomDeviceId(page: Page): Promise<string> {
  return page.evaluate(
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
}

/** The answers the server holds for the page's attempt, read as the candidate from the page's device. */
export async function serverAnswers(
  request: APIRequestContext,
  candidate: Candidate,
  page: Page,
): Promise<Record<string, unknown>> {
  return heldAnswers(request, {
    attemptId: attemptIdOf(page),
    session: await apiSignIn(request, candidate.login, candidate.password),
    deviceId: await roomDeviceId(page),
  });
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
