import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The institution console's marking queue (features/console-ops/marking), as staff use it: open a question's
 * queue, claim a batch, mark the answer shown, read the progress line.
 */

/** The marking page of one exam (its questions and how they are marked). */
export const markingPath = (institutionId: string, examId: string) =>
  `/console/${institutionId}/marking/${examId}`;

/** The progress line of a question's queue. */
export function progressLine(toMark: number, inReconciliation: number, marked: number): string {
  return `待评 ${String(toMark)} 份，待仲裁 ${String(inReconciliation)} 份，已评完 ${String(marked)} 份。`;
}

/** From the exam's marking page, opens the essay's queue (the exam factory's essay is about 最小权限原则). */
export async function openEssayQueue(page: Page): Promise<void> {
  await page.getByRole('link', { name: /最小权限原则/ }).click();
  await expect(page.getByRole('button', { name: '领取一批答卷' })).toBeVisible();
}

/** Claims a batch and returns the first answer's region (its heading carries the opaque script label). */
export async function claimAnswer(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: '领取一批答卷' }).click();
  const task = page.getByRole('region', { name: /^答卷 [0-9A-F]{8}（本批第 1\/\d+ 份）$/ });
  await expect(task).toBeVisible();
  return task;
}

/** The 8-character script label of a claimed answer. */
export async function scriptOf(task: Locator): Promise<string> {
  const heading = (await task.getByRole('heading', { level: 2 }).textContent()) ?? '';
  const label = /答卷 ([0-9A-F]{8})/.exec(heading)?.[1];
  if (label === undefined) throw new Error(`no script label in “${heading}”`);
  return label;
}

/** Gives a mark (and an optional comment) to the answer shown and submits it. */
export async function giveMark(task: Locator, mark: number, comment?: string): Promise<void> {
  await task.getByLabel(/^得分/).fill(String(mark));
  if (comment !== undefined) await task.getByLabel('评语（可选）').fill(comment);
  await task.getByRole('button', { name: '提交评分，下一份' }).click();
}
