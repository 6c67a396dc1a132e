import { createCandidate, signInThroughPage } from './support/accounts';
import { createExam } from './support/exam-factory';
import { roomPath, saveState, serverAnswers } from './support/exam-room-page';
import { expect, test } from './support/fixtures';

test.describe('the exam room across connections and devices', () => {
  test('answers given offline are kept and arrive when the connection returns', async ({
    page,
    context,
    request,
    guard,
  }) => {
    const exam = await createExam(request, { practice: true });
    const candidate = await createCandidate(request);
    await signInThroughPage(page, candidate, roomPath(exam.examId));
    await page.getByRole('button', { name: '开始考试' }).click();
    await page.getByRole('button', { name: '整卷浏览' }).click();
    await expect(page.getByRole('heading', { name: /第 4 题/ })).toBeVisible();

    guard.allowRequestFailures();
    await context.setOffline(true);
    const offlineSince = Date.now();
    await page.getByRole('radio', { name: /RSA/ }).check();
    await page.getByRole('textbox', { name: '第 1 空' }).fill('256');
    await expect(saveState(page)).toHaveAttribute('data-save-state', 'offline');
    await expect(saveState(page)).toContainText('网络已断开：2 处修改暂存在本机');
    await page.waitForTimeout(Math.max(0, 20_000 - (Date.now() - offlineSince)));
    await expect(saveState(page)).toHaveAttribute('data-save-state', 'offline');

    await context.setOffline(false);
    await expect(saveState(page)).toHaveAttribute('data-save-state', 'saved', { timeout: 15_000 });
    await expect(saveState(page)).toHaveText('答案已保存');
    const held = await serverAnswers(request, candidate, page);
    expect(held[exam.questionIds[0] ?? '']).toEqual({ choice: 'B' });
    expect(held[exam.questionIds[3] ?? '']).toEqual({ blanks: ['256'] });
  });

  test('a second device takes the exam over explicitly, and the first is told it continued elsewhere', async ({
    page,
    browser,
    request,
    guard,
  }) => {
    const exam = await createExam(request, { practice: true });
    const candidate = await createCandidate(request);
    await signInThroughPage(page, candidate, roomPath(exam.examId));
    await page.getByRole('button', { name: '开始考试' }).click();
    await page.getByRole('radio', { name: /RSA/ }).check();
    await expect(saveState(page)).toHaveAttribute('data-save-state', 'saved');

    const other = await browser.newContext();
    const second = await other.newPage();
    await signInThroughPage(second, candidate, roomPath(exam.examId));
    await second.getByRole('button', { name: '开始考试' }).click();
    await expect(second.getByRole('heading', { level: 1, name: '考试正在另一台设备上进行' })).toBeVisible();
    await second.getByRole('button', { name: '在本设备继续作答' }).click();
    await expect(second.getByRole('radio', { name: /RSA/ })).toBeChecked();
    await second.getByRole('button', { name: '下一题' }).click();
    await second.getByRole('checkbox', { name: /启用多因素认证/ }).check();
    await expect(saveState(second)).toHaveAttribute('data-save-state', 'saved');

    // Whatever the first device sends next (a save, or its periodic re-read if that came first) is refused:
    // it says so and stops.
    guard.allowHttpError(/\/api\/exam\/attempts\/[^/]+(\/answers\/[^/]+)?$/, 409);
    const told = page.getByRole('heading', { level: 1, name: '已在其他设备上继续作答' });
    if (!(await told.isVisible())) await page.getByRole('radio', { name: /DES/ }).click();
    await expect(told).toBeVisible();
    await expect(page.getByText('您的考试已在另一台设备上继续')).toBeVisible();
    const held = await serverAnswers(request, candidate, second);
    expect(held[exam.questionIds[0] ?? '']).toEqual({ choice: 'B' });
    await other.close();
  });
});
