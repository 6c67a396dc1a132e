import { createCandidate, signInThroughPage } from './support/accounts';
import { register } from './support/attempts';
import { createExam, untilOpen } from './support/exam-factory';
import { attemptIdOf, countdownSeconds, roomPath, saveState, serverAnswers } from './support/exam-room-page';
import { expect, test } from './support/fixtures';
import { snap, VIEWPORTS } from './support/screens';

test.describe('the exam room', () => {
  test('answers every question type, survives a reload with answers and time, and submits with a summary', async ({
    page,
    request,
    expectAccessible,
  }) => {
    const exam = await createExam(request, { practice: true, questions: 'with_essay', durationMinutes: 30 });
    const candidate = await createCandidate(request);
    await signInThroughPage(page, candidate, roomPath(exam.examId));

    await expect(page.getByRole('heading', { level: 1, name: exam.title })).toBeVisible();
    await expect(page.getByText('考试时长 30 分钟')).toBeVisible();
    await expectAccessible('pre-start page');
    await page.getByRole('button', { name: '开始考试' }).click();
    await expect(page).toHaveURL(/\?attempt=[0-9a-f-]{36}$/);
    const attemptId = attemptIdOf(page);

    // One question per page first: the navigator and the pager move between them.
    await expect(page.getByRole('heading', { name: /第 1 题/ })).toBeVisible();
    await page.getByRole('radio', { name: /RSA/ }).check();
    await page.getByRole('button', { name: '下一题' }).click();
    await page.getByRole('checkbox', { name: /启用多因素认证/ }).check();
    await page.getByRole('checkbox', { name: /使用足够长且随机的口令/ }).check();
    await expect(page.getByRole('button', { name: '第 1 题，已答' })).toBeVisible();
    await expectAccessible('question page');

    // The navigator by keyboard: focus question 2, arrow right to 3, Enter opens it.
    await page.getByRole('button', { name: /^第 2 题/ }).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: /第 3 题/ })).toBeVisible();
    await page.getByRole('radio', { name: '错误' }).check();

    // The whole paper for the rest.
    await page.getByRole('button', { name: '整卷浏览' }).click();
    await page.getByRole('textbox', { name: '第 1 空' }).fill('256');
    await page
      .getByRole('textbox', { name: /最小权限原则/ })
      .fill('只授予完成工作所需的最少权限，例如只读账号。');
    await page.getByRole('button', { name: '标记' }).nth(1).click();
    await expect(saveState(page)).toHaveAttribute('data-save-state', 'saved');
    await expect(saveState(page)).toHaveText('答案已保存');

    const before = await countdownSeconds(page);
    await page.reload();
    await expect(page).toHaveURL(new RegExp(`attempt=${attemptId}`));
    await page.getByRole('button', { name: '整卷浏览' }).click();
    // The flag for review is back too (kept in IndexedDB per attempt), on the question and in the navigator.
    await expect(page.getByRole('button', { name: '取消标记' })).toHaveCount(1);
    await expect(page.getByRole('button', { name: '取消标记' })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByRole('button', { name: /^第 2 题.*已标记/ })).toBeVisible();
    await expect(page.getByRole('radio', { name: /RSA/ })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: /启用多因素认证/ })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: /使用足够长且随机的口令/ })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: /把口令写在便签上/ })).not.toBeChecked();
    await expect(page.getByRole('radio', { name: '错误' })).toBeChecked();
    await expect(page.getByRole('textbox', { name: '第 1 空' })).toHaveValue('256');
    await expect(page.getByRole('textbox', { name: /最小权限原则/ })).toHaveValue(/最少权限/);
    const after = await countdownSeconds(page);
    expect(after).toBeLessThanOrEqual(before);
    expect(after).toBeGreaterThan(before - 30);
    expect(after).toBeGreaterThan(28 * 60);

    // Leave one blank: the summary names it before the candidate confirms.
    await page.getByRole('textbox', { name: '第 1 空' }).fill('');
    await expect(saveState(page)).toHaveAttribute('data-save-state', 'saved');
    const held = await serverAnswers(request, candidate, page);
    expect(held[exam.questionIds[3] ?? '']).toEqual({ blanks: [''] });

    await page.getByRole('button', { name: '交卷' }).click();
    const dialog = page.getByRole('dialog', { name: '确认交卷' });
    await expect(dialog).toContainText('共 5 题，已答 4 题。');
    await expect(dialog).toContainText('还有 1 题未作答：第 4 题。');
    await expect(dialog).toContainText('您标记了 1 题待检查：第 2 题。');
    await expectAccessible('submit summary');
    await dialog.getByRole('button', { name: '确认交卷' }).click();

    await expect(page.getByRole('heading', { level: 1, name: '已交卷' })).toBeVisible();
    await expect(page.getByText('您的答案已提交。')).toBeVisible();
    await expectAccessible('final page');
    // After submission nothing of the attempt stays in the browser: no unsent answer, no flag.
    const left = await page.evaluate(
      (attempt) =>
        new Promise<{ pending: number; flags: number }>((resolve) => {
          const open = indexedDB.open('exam-room');
          open.onsuccess = () => {
            const tx = open.result.transaction(['pending', 'flags']);
            const pending = tx.objectStore('pending').count();
            const flags = tx.objectStore('flags').count(attempt);
            tx.oncomplete = () => {
              resolve({ pending: pending.result, flags: flags.result });
            };
          };
        }),
      attemptId,
    );
    expect(left).toEqual({ pending: 0, flags: 0 });
  });
});

test.describe('the exam room under the rules', () => {
  test('leaving the page is reported and the policy’s warning is shown in words', async ({
    page,
    request,
  }) => {
    const exam = await createExam(request, {
      practice: true,
      antiCheat: { tabSwitchLimit: 0, tabSwitchMinAwaySeconds: 0, consequence: 'warn' },
    });
    const candidate = await createCandidate(request);
    await signInThroughPage(page, candidate, roomPath(exam.examId));
    await page.getByRole('button', { name: '开始考试' }).click();
    await expect(page.getByRole('heading', { name: /第 1 题/ })).toBeVisible();

    // The window loses focus and comes back (another window or tab took it).
    await page.evaluate(() => {
      window.dispatchEvent(new Event('blur'));
    });
    await page.waitForTimeout(1_200);
    await page.evaluate(() => {
      window.dispatchEvent(new Event('focus'));
    });
    const warning = page.getByRole('dialog', { name: '考试警告' });
    await expect(warning).toContainText('系统检测到您离开了考试页面');
    await expect(warning).toContainText('这是第 1 次警告');
    await warning.getByRole('button', { name: '我知道了' }).click();
    await expect(warning).toBeHidden();
    // The room goes on, on a phone too: the navigator folds into a drawer.
    await page.setViewportSize(VIEWPORTS.phone);
    await page.getByRole('radio', { name: /RSA/ }).check();
    await expect(saveState(page)).toHaveAttribute('data-save-state', 'saved');
    await page.getByRole('button', { name: '题目导航' }).click();
    await page
      .getByRole('dialog', { name: '题目导航' })
      .getByRole('button', { name: /^第 3 题/ })
      .click();
    await expect(page.getByRole('heading', { name: /第 3 题/ })).toBeVisible();
    await snap(page, 'exam-room-question', 'zh-CN', 'phone');
  });

  test('an exam with an access password refuses a wrong one in words, and the right one lets the candidate in', async ({
    page,
    request,
    guard,
    expectAccessible,
  }) => {
    const exam = await createExam(request, { practice: true, accessPassword: 'Room-7391' });
    const candidate = await createCandidate(request);
    await signInThroughPage(page, candidate, roomPath(exam.examId));

    const password = page.getByLabel('考场密码');
    await expect(password).toBeVisible();
    await expect(page.getByText('请输入监考老师公布的考场密码。')).toBeVisible();
    await expectAccessible('pre-start page with an access password');

    guard.allowHttpError(/\/api\/exam\/attempts$/, 403);
    await password.fill('Room-0000');
    await page.getByRole('button', { name: '开始考试' }).click();
    await expect(page.locator('[data-error-code="ATTEMPT.ACCESS_PASSWORD_WRONG"]')).toContainText(
      '考场密码不正确，请输入监考老师公布的密码。',
    );
    await expect(page).not.toHaveURL(/\?attempt=/);
    await expectAccessible('access password refused');

    await password.fill('Room-7391');
    await page.getByRole('button', { name: '开始考试' }).click();
    await expect(page).toHaveURL(/\?attempt=[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { name: /第 1 题/ })).toBeVisible();
  });

  test('an exam in full screen: leaving it shows the policy’s warning and a way back', async ({
    page,
    request,
    expectAccessible,
  }) => {
    const exam = await createExam(request, { practice: true, antiCheat: { fullScreenRequired: true } });
    const candidate = await createCandidate(request);
    await signInThroughPage(page, candidate, roomPath(exam.examId));
    await expect(page.getByText('本场考试要求全屏作答，退出全屏将被记录为违规。')).toBeVisible();

    // Starting is the click the browser needs before it grants full screen.
    await page.getByRole('button', { name: '开始考试' }).click();
    await expect(page.getByRole('heading', { name: /第 1 题/ })).toBeVisible();
    await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
    const banner = page.getByText('本场考试要求全屏作答，请返回全屏。');
    await expect(banner).toBeHidden();

    // Esc, as the candidate would press it (the browser's own key is not scriptable): full screen ends.
    await page.evaluate(() => document.exitFullscreen());
    const warning = page.getByRole('dialog', { name: '考试警告' });
    await expect(warning).toContainText('系统检测到您退出了全屏。');
    await expect(warning).toContainText('这是第 1 次警告');
    await expectAccessible('full-screen warning');
    await warning.getByRole('button', { name: '我知道了' }).click();
    await expect(warning).toBeHidden();
    await expect(banner).toBeVisible();

    await page.getByRole('button', { name: '返回全屏' }).click();
    await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
    await expect(banner).toBeHidden();
  });

  test('a registered candidate is refused before the opening in words, then sits the exam, which submits itself when time is up', async ({
    page,
    request,
    guard,
  }) => {
    test.setTimeout(200_000);
    const exam = await createExam(request, { durationMinutes: 1 });
    const candidate = await createCandidate(request);
    await signInThroughPage(page, candidate, roomPath(exam.examId));

    guard.allowHttpError(/\/api\/exam\/attempts$/, 409);
    await page.getByRole('button', { name: '开始考试' }).click();
    await expect(page.getByRole('alert')).toContainText('考试尚未开始');

    await register(request, candidate, exam.examId);
    await untilOpen(exam);

    await page.getByRole('button', { name: '开始考试' }).click();
    await expect(page.getByRole('heading', { name: /第 1 题/ })).toBeVisible();
    await page.getByRole('radio', { name: /RSA/ }).check();
    await expect(saveState(page)).toHaveAttribute('data-save-state', 'saved');

    // No submit button pressed: at zero the room stops taking input, and the server's finaliser submits.
    await expect(page.getByText('考试时间到，已停止作答，正在提交您的答案…')).toBeVisible({
      timeout: 70_000,
    });
    await expect(page.getByRole('heading', { level: 1, name: '考试时间到' })).toBeVisible({
      timeout: 60_000,
    });
    await expect(page.getByText('时间到，您的答案已自动提交。')).toBeVisible();
  });
});
