import { apiSignIn, createCandidate, signInThroughPage } from './support/accounts';
import { createExam } from './support/exam-factory';
import { countdownSeconds, roomPath, saveState } from './support/exam-room-page';
import { expect, expectPageAccessible, test } from './support/fixtures';
import { DEMO } from './support/people';

const ADMIN = { login: DEMO.orgAdmin, password: DEMO.password };
const PAUSED = '考务人员已暂停您的考试，暂停期间不计时，请等待恢复。';

test.describe('institution console: pausing an attempt', () => {
  test('staff pause an attempt with a reason, the room stops its clock and answering, and resuming gives the time back', async ({
    page,
    request,
    expectAccessible,
    openBrowser,
  }) => {
    test.setTimeout(240_000);
    const checkAccessible = async (label: string) => {
      await page.mouse.move(2, 2);
      await expectAccessible(label);
    };
    const exam = await createExam(request, { practice: true, durationMinutes: 30 });
    const candidate = await createCandidate(request, '暂停考生');
    // A practice attempt has no registration: the board names the candidate by the start of the user id.
    const who = (await apiSignIn(request, candidate.login, candidate.password)).userId.slice(0, 8);

    const { page: room } = await openBrowser();
    await signInThroughPage(room, candidate, roomPath(exam.examId));
    await room.getByRole('button', { name: '开始考试' }).click();
    await room.getByRole('radio', { name: /RSA/ }).check();
    await expect(saveState(room)).toHaveAttribute('data-save-state', 'saved');

    await signInThroughPage(page, ADMIN, `/console/${exam.institutionId}/proctoring/${exam.examId}`);
    await expect(page.getByRole('heading', { level: 1, name: `监考看板：${exam.title}` })).toBeVisible();
    const inProgress = page.getByRole('region', { name: /^作答中/ });
    const row = inProgress.getByRole('row', { name: new RegExp(who) });
    await expect(row).toBeVisible();

    // A pause needs a written reason: an empty one is refused first.
    await inProgress.getByRole('button', { name: `暂停（${who}）` }).click();
    const pause = page.getByRole('dialog', { name: `暂停考生 ${who} 的作答` });
    await expect(pause).toContainText('暂停期间计时停止，考生不能保存或交卷，直到恢复。');
    await pause.getByRole('button', { name: '确认暂停' }).click();
    await expect(pause.getByText('请填写原因')).toBeVisible();
    await checkAccessible('pause: reason missing');
    const before = await countdownSeconds(room);
    const readAt = Date.now();
    await pause.getByLabel('原因').fill('考场广播故障，等待技术人员处理');
    await pause.getByRole('button', { name: '确认暂停' }).click();
    await expect(page.getByRole('status').filter({ hasText: `已暂停考生 ${who} 的作答。` })).toBeVisible();
    const pausedAt = Date.now();
    await expect(row).toContainText(/已暂停，剩余 \d{2}:\d{2}/);
    await checkAccessible('board: an attempt paused');

    // The room notices at its next re-read: a banner, the clock stands still, nothing can be answered or submitted.
    await expect(room.getByText(PAUSED)).toBeVisible({ timeout: 40_000 });
    await expect(room.getByRole('timer')).toContainText('已暂停');
    await expect(room.getByRole('radio', { name: /DES/ })).toBeDisabled();
    await expect(room.getByRole('button', { name: '交卷' })).toBeDisabled();
    const frozen = await countdownSeconds(room);
    // The clock must not move: wait long enough for a running one to tick down several times.
    await room.waitForTimeout(3_000);
    expect(await countdownSeconds(room)).toBe(frozen);
    await expectPageAccessible(room, 'room: paused');

    await inProgress.getByRole('button', { name: `恢复（${who}）` }).click();
    const resume = page.getByRole('dialog', { name: `恢复考生 ${who} 的作答` });
    await resume.getByLabel('原因').fill('广播已修复，继续考试');
    await resume.getByRole('button', { name: '确认恢复' }).click();
    await expect(page.getByRole('status').filter({ hasText: `已恢复考生 ${who} 的作答` })).toBeVisible();
    const pausedFor = (Date.now() - pausedAt) / 1000;
    await expect(row).not.toContainText('已暂停');

    // The room runs again with the time it had when paused: it lost only the seconds it ran, not the pause.
    await expect(room.getByText(PAUSED)).toBeHidden({ timeout: 15_000 });
    const after = await countdownSeconds(room);
    const ran = (Date.now() - readAt) / 1000 - pausedFor;
    expect(before - after).toBeGreaterThanOrEqual(0);
    expect(before - after).toBeLessThan(15);
    expect(before - after).toBeLessThanOrEqual(Math.ceil(ran) + 3);
    await room.getByRole('radio', { name: /DES/ }).check();
    await expect(saveState(room)).toHaveAttribute('data-save-state', 'saved');
    await expect(room.getByRole('button', { name: '交卷' })).toBeEnabled();

    // Both actions and their reasons are on the attempt's timeline.
    await inProgress.getByRole('button', { name: `时间线（${who}）` }).click();
    const timeline = page.getByRole('dialog', { name: `作答时间线：${who}` });
    await expect(timeline.getByRole('row', { name: /暂停/ })).toContainText('考场广播故障');
    await expect(timeline.getByRole('row', { name: /恢复/ })).toContainText('广播已修复');
    await checkAccessible('timeline with a pause and a resume');
  });
});
