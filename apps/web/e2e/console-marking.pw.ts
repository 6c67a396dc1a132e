import { apiSignIn, createCandidate, signInThroughPage } from './support/accounts';
import { register, sitExam } from './support/attempts';
import { createExam, untilOpen } from './support/exam-factory';
import { expect, expectPageAccessible, test } from './support/fixtures';
import {
  claimAnswer,
  giveMark,
  markingPath,
  openEssayQueue,
  progressLine,
  scriptOf,
} from './support/marking-page';
import { PageGuard } from './support/page-guard';
import { DEMO } from './support/people';
import { demoStaffMember } from './support/staff';

const ADMIN = { login: DEMO.orgAdmin, password: DEMO.password };
const STAFF = { login: DEMO.orgStaff, password: DEMO.password };
const DOUBLE_MARKING = {
  doubleMarking: true,
  toleranceFraction: 0.2,
  reconciliation: 'third_marker',
  step: 0.5,
} as const;

test.describe('institution console: double marking and changing a final mark', () => {
  test('two staff mark an essay blind, marks too far apart go to a third marker, and the history shows how the score came about', async ({
    page,
    request,
    expectAccessible,
    openBrowser,
  }) => {
    test.setTimeout(300_000);
    const exam = await createExam(request, {
      practice: true,
      questions: 'with_essay',
      marking: DOUBLE_MARKING,
    });
    const reconciler = await demoStaffMember(request, 'third-marker', '第三阅卷人');
    const candidate = await createCandidate(request, '双评考生');
    const sitter = await apiSignIn(request, candidate.login, candidate.password);
    await sitExam(request, sitter, exam.examId);
    const queue = markingPath(exam.institutionId, exam.examId);

    await signInThroughPage(page, ADMIN, queue);
    await expect(page.getByRole('heading', { level: 1, name: `阅卷：${exam.title}` })).toBeVisible();
    await expect(page.getByText('双评（两位阅卷人分别评分）')).toBeVisible();
    await expect(page.getByText('交第三位阅卷人仲裁')).toBeVisible();
    await expect(page.getByText('20%')).toBeVisible();
    await expectAccessible('marking: a double-marked exam');
    await openEssayQueue(page);
    await expect(page.getByText(progressLine(1, 0, 0))).toBeVisible();

    // The administrator claims the answer, and again in a second tab (their claim holds it for them).
    const first = await claimAnswer(page);
    const script = await scriptOf(first);
    const tab = await page.context().newPage();
    const tabGuard = new PageGuard(tab);
    tabGuard.allowHttpError(/\/marking\/questions\/[^/]+\/scripts\/[^/]+\/marks$/, 409);
    await tab.goto(page.url());
    const again = await claimAnswer(tab);
    expect(await scriptOf(again)).toBe(script);

    await giveMark(first, 8, '原则说明完整，例子恰当。');
    await expect(
      page.getByRole('status').filter({ hasText: `答卷 ${script} 已评 8 分，等待另一位阅卷人评分。` }),
    ).toBeVisible();
    const marked = page.getByRole('region', { name: '本次已评答卷' });
    await expect(marked.getByRole('row', { name: new RegExp(script) })).toContainText('等待另一位阅卷人评分');
    await expectAccessible('marking: the first mark given');

    // The same person cannot give the second mark: refused, in words.
    await giveMark(again, 3);
    const refused = again.getByRole('alert');
    await expect(refused).toContainText('您已经评过这份答卷；双评时需由另一位阅卷人评分。');
    await expect(refused).toHaveAttribute('data-error-code', 'MARKING.ALREADY_MARKED');
    await expectPageAccessible(tab, 'marking: the same marker refused');
    await tab.close();
    expect(tabGuard.unexpected(), 'the second tab').toEqual([]);

    // A second staff member, blind to the first mark, gives one far from it: reconciliation.
    const staff = await openBrowser();
    await signInThroughPage(staff.page, STAFF, queue);
    await openEssayQueue(staff.page);
    const second = await claimAnswer(staff.page);
    expect(await scriptOf(second)).toBe(script);
    await expect(second.getByRole('columnheader', { name: '评分轮次' })).toHaveCount(0);
    await expect(second).not.toContainText('原则说明完整');
    await giveMark(second, 3, '只复述了定义，没有举例。');
    await expect(
      staff.page.getByRole('status').filter({
        hasText: `答卷 ${script} 已评 3 分。两次评分相差超过允许分差，已转交第三位阅卷人仲裁。`,
      }),
    ).toBeVisible();
    await expect(staff.page.getByText(progressLine(0, 1, 0))).toBeVisible();
    await expectPageAccessible(staff.page, 'marking: sent to reconciliation');

    // The third marker sees both marks (not who gave them) and decides.
    const third = await openBrowser();
    await signInThroughPage(third.page, reconciler, queue);
    await openEssayQueue(third.page);
    await expect(third.page.getByText(progressLine(0, 1, 0))).toBeVisible();
    const reconciling = await claimAnswer(third.page);
    expect(await scriptOf(reconciling)).toBe(script);
    await expect(reconciling.getByText('两次评分差距过大，请仲裁')).toBeVisible();
    const earlier = reconciling.getByRole('row');
    await expect(earlier.filter({ hasText: '原则说明完整，例子恰当。' }).getByRole('cell').nth(1)).toHaveText(
      '8',
    );
    await expect(earlier.filter({ hasText: '只复述了定义，没有举例。' }).getByRole('cell').nth(1)).toHaveText(
      '3',
    );
    for (const who of [DEMO.orgAdmin, DEMO.orgStaff, '[DEMO] Institution admin', '[DEMO] Institution staff'])
      await expect(third.page.locator('body')).not.toContainText(who);
    await expectPageAccessible(third.page, 'marking: reconciling');
    await giveMark(reconciling, 6);
    await expect(
      third.page.getByRole('status').filter({ hasText: `答卷 ${script} 已评 6 分，最终得分 6 分。` }),
    ).toBeVisible();
    await expect(third.page.getByText(progressLine(0, 0, 1))).toBeVisible();

    // The administrator sees the final score and how it came about, and who decided.
    await page.goto(`${queue}/regrade`);
    await page.getByLabel('选择作答（按准考证号/报名号）').click();
    await page.locator('.ant-select-item-option', { hasText: sitter.userId.slice(0, 8) }).click();
    const history = page.getByRole('region', { name: '分数变更记录' });
    const reconciled = history.getByRole('row', { name: /仲裁/ });
    await expect(reconciled).toContainText('评分 8、3、6 分，经仲裁定分');
    await expect(reconciled).toContainText('第三阅卷人');
    await expect(reconciled.getByRole('cell').nth(3)).toHaveText('6');
    await page.mouse.move(2, 2);
    await expectAccessible('score history after reconciliation');
  });

  test('an administrator changes a final mark with a reason; the history and the released result show it', async ({
    page,
    request,
    expectAccessible,
    openBrowser,
  }) => {
    test.setTimeout(300_000);
    const exam = await createExam(request, { questions: 'with_essay', resultsRelease: 'after_marking' });
    const candidate = await createCandidate(request, '改分考生');
    const registration = await register(request, candidate, exam.examId);
    const number = registration.ticketNumber ?? registration.registrationNumber;
    await untilOpen(exam);
    await sitExam(request, candidate, exam.examId);

    await signInThroughPage(page, ADMIN, markingPath(exam.institutionId, exam.examId));
    await openEssayQueue(page);
    const task = await claimAnswer(page);
    const script = await scriptOf(task);
    await giveMark(task, 6);
    await expect(
      page.getByRole('status').filter({ hasText: `答卷 ${script} 已评 6 分，最终得分 6 分。` }),
    ).toBeVisible();
    const marked = page.getByRole('region', { name: '本次已评答卷' });
    await expect(marked.getByRole('row', { name: new RegExp(script) })).toContainText(
      '已评完，最终得分 6 分',
    );

    // Results released; the candidate sees 10 objective points and the essay's 6.
    const menu = page.getByRole('navigation', { name: '机构管理菜单' });
    await menu.getByRole('link', { name: '成绩与统计' }).click();
    await page.getByLabel('按考试名称查找').fill(exam.title);
    await page.getByRole('link', { name: exam.title }).click();
    await page.getByRole('button', { name: '发布成绩' }).click();
    await page
      .getByRole('dialog', { name: '确认发布成绩？' })
      .getByRole('button', { name: '确认发布' })
      .click();
    await expect(page.getByRole('status').filter({ hasText: /成绩已于 .+ 发布/ })).toBeVisible();
    const sitterBrowser = await openBrowser();
    const results = sitterBrowser.page;
    await signInThroughPage(results, candidate, `/my/results/${exam.examId}`);
    await expect(results.getByTestId('results-score')).toHaveText('16 / 20 分');

    // Back in the queue (the answers marked on this visit are still listed): change the final mark.
    await menu.getByRole('link', { name: '阅卷' }).click();
    await page.getByLabel('按考试名称查找').fill(exam.title);
    await page.getByRole('link', { name: exam.title }).click();
    await openEssayQueue(page);
    await marked.getByRole('button', { name: `修改最终得分（答卷 ${script}）` }).click();
    const dialog = page.getByRole('dialog', { name: `修改答卷 ${script} 的最终得分` });
    await expect(dialog).toContainText('当前的最终得分为 6 分');
    await dialog.getByLabel(/^新的得分/).fill('8.5');
    await dialog.getByRole('button', { name: '确认改分' }).click();
    await expect(dialog.getByText('请填写原因')).toBeVisible();
    await page.mouse.move(2, 2);
    await expectAccessible('change a final mark: reason missing');
    const reason = '复核发现第二段的举例被漏看，按评分标准加分';
    await dialog.getByLabel('改分原因').fill(reason);
    await dialog.getByRole('button', { name: '确认改分' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: `答卷 ${script} 的最终得分已由 6 分改为 8.5 分。` }),
    ).toContainText(reason);
    await expect(dialog).toBeHidden();
    await expect(marked.getByRole('row', { name: new RegExp(script) })).toContainText(
      '已评完，最终得分 8.5 分',
    );
    await expectAccessible('change a final mark: done');

    // The history: old and new score, who and why.
    await page.getByRole('link', { name: '返回题目列表' }).click();
    await page.getByRole('link', { name: '修改答案与重新评分' }).click();
    await page.getByLabel('选择作答（按准考证号/报名号）').click();
    await page.locator('.ant-select-item-option', { hasText: number }).click();
    const history = page.getByRole('region', { name: '分数变更记录' });
    const remarked = history.getByRole('row', { name: /管理员改分/ });
    await expect(remarked.getByRole('cell').nth(2)).toHaveText('6');
    await expect(remarked.getByRole('cell').nth(3)).toHaveText('8.5');
    await expect(remarked).toContainText('[DEMO] Institution admin');
    await expect(remarked).toContainText(reason);
    await expect(history.getByRole('row', { name: /人工评分/ })).toContainText('单评 6 分');
    await page.mouse.move(2, 2);
    await expectAccessible('score history after a change of the final mark');

    // The released result follows.
    await results.reload();
    await expect(results.getByTestId('results-score')).toHaveText('18.5 / 20 分');
    await expectPageAccessible(results, 'results after a change of the final mark');
  });
});
