import { bearer, createCandidate, demoOrgAdmin, signInThroughPage } from './support/accounts';
import { register, saveAnswer, startAttempt, submitAttempt } from './support/attempts';
import { createExam, institutionOf, untilOpen } from './support/exam-factory';
import { expect, test } from './support/fixtures';
import { DEMO } from './support/people';

const ADMIN = { login: DEMO.orgAdmin, password: DEMO.password };

test.describe('institution console: proctoring, marking, results', () => {
  test('staff watch an exam live, add time and terminate, mark the essay anonymously, release and analyse the results', async ({
    page,
    request,
    expectAccessible,
  }) => {
    test.setTimeout(210_000);
    // A hovered button is lighter than at rest: check the page's colours with the pointer out of the way.
    const checkAccessible = async (label: string) => {
      await page.mouse.move(2, 2);
      await expectAccessible(label);
    };
    const exam = await createExam(request, { questions: 'with_essay', resultsRelease: 'after_marking' });
    const [single, multiple, trueFalse, fillBlank, essay] = exam.questionIds as [
      string,
      string,
      string,
      string,
      string,
    ];
    const finisher = await createCandidate(request, '交卷考生');
    const writer = await createCandidate(request, '作答考生');
    const finished = await register(request, finisher, exam.examId);
    const writing = await register(request, writer, exam.examId);
    const writingNumber = writing.ticketNumber ?? writing.registrationNumber;
    const finishedNumber = finished.ticketNumber ?? finished.registrationNumber;

    await signInThroughPage(page, ADMIN, `/console/${exam.institutionId}/proctoring`);
    await expect(page.getByRole('heading', { level: 1, name: '监考' })).toBeVisible();
    await checkAccessible('proctoring: pick an exam');

    // Both sit the exam through the API: one submits everything, the other is still writing.
    await untilOpen(exam);
    const done = await startAttempt(request, finisher, exam.examId);
    await saveAnswer(request, done, single, { choice: 'B' });
    await saveAnswer(request, done, multiple, { choices: ['A', 'C'] });
    await saveAnswer(request, done, trueFalse, { truth: false });
    await saveAnswer(request, done, fillBlank, { blanks: ['256'] });
    await saveAnswer(request, done, essay, {
      text: '最小权限原则：只授予完成工作所需的最少权限。例如数据库账号只读。',
    });
    await submitAttempt(request, done);
    const running = await startAttempt(request, writer, exam.examId);
    await saveAnswer(request, running, single, { choice: 'A' });
    await saveAnswer(request, running, trueFalse, { truth: true });

    await page.getByLabel('按考试名称查找').fill(exam.title);
    await page.getByRole('link', { name: exam.title }).click();
    await expect(page.getByRole('heading', { level: 1, name: `监考看板：${exam.title}` })).toBeVisible();
    const inProgress = page.getByRole('region', { name: /^作答中/ });
    const submitted = page.getByRole('region', { name: /^已交卷/ });
    await expect(inProgress.getByRole('heading')).toHaveText('作答中（1）');
    await expect(submitted.getByRole('heading')).toHaveText('已交卷（1）');
    await expect(inProgress.getByRole('row', { name: new RegExp(writingNumber) })).toContainText('2');
    await expect(submitted.getByRole('row', { name: new RegExp(finishedNumber) })).toBeVisible();
    await checkAccessible('proctoring board');

    // Extra time: a reason is required (a mistake first), then the action and its result.
    await inProgress.getByRole('button', { name: `加时（${writingNumber}）` }).click();
    const dialog = page.getByRole('dialog', { name: `为考生 ${writingNumber} 加时` });
    await expect(dialog.getByLabel('增加时长（分钟）')).toHaveValue('5');
    await dialog.getByRole('button', { name: '确认加时' }).click();
    await expect(dialog.getByText('请填写原因')).toBeVisible();
    await checkAccessible('add time: reason missing');
    await dialog.getByLabel('原因').fill('考生网络中断约五分钟，按规定补时');
    await dialog.getByRole('button', { name: '确认加时' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: `已为考生 ${writingNumber} 增加 5 分钟` }),
    ).toBeVisible();
    await expect(dialog).toBeHidden();

    await inProgress.getByRole('button', { name: `时间线（${writingNumber}）` }).click();
    const timeline = page.getByRole('dialog', { name: `作答时间线：${writingNumber}` });
    await expect(timeline.getByRole('row', { name: /加时/ })).toContainText('考生网络中断约五分钟');
    await checkAccessible('attempt timeline');
    await timeline
      .getByRole('button', { name: 'Close' })
      .or(timeline.getByRole('button', { name: '关闭' }))
      .first()
      .click();
    await expect(timeline).toBeHidden();

    await inProgress.getByRole('button', { name: `终止（${writingNumber}）` }).click();
    const terminate = page.getByRole('dialog', { name: `终止考生 ${writingNumber} 的作答` });
    await terminate.getByLabel('原因').fill('考生使用手机查阅资料，经两名监考员确认');
    await terminate.getByRole('button', { name: '确认终止' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: `已终止考生 ${writingNumber} 的作答` }),
    ).toBeVisible();
    const terminated = page.getByRole('region', { name: /^已终止/ });
    await expect(terminated.getByRole('heading')).toHaveText('已终止（1）');
    await expect(inProgress.getByRole('heading')).toHaveText('作答中（0）');
    await checkAccessible('proctoring board after actions');

    // Marking: the essay across scripts, anonymous, the rubric beside the answer.
    await page.getByRole('navigation', { name: '机构管理菜单' }).getByRole('link', { name: '阅卷' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '阅卷' })).toBeVisible();
    await page.getByLabel('按考试名称查找').fill(exam.title);
    await checkAccessible('marking: pick an exam');
    await page.getByRole('link', { name: exam.title }).click();
    await expect(page.getByRole('heading', { level: 1, name: `阅卷：${exam.title}` })).toBeVisible();
    await expect(page.getByText('单评（每份答卷一人评分）')).toBeVisible();
    await checkAccessible('marking: questions');
    await page.getByRole('link', { name: /最小权限原则/ }).click();
    await expect(page.getByText('待评 1 份，待仲裁 0 份，已评完 0 份。')).toBeVisible();
    await page.getByRole('button', { name: '领取一批答卷' }).click();
    const task = page.getByRole('region', { name: /^答卷 [0-9A-F]{8}（本批第 1\/1 份）$/ });
    await expect(task).toContainText('说明原则 5 分；举例 5 分。');
    await expect(task).toContainText('数据库账号只读');
    for (const secret of [finisher.login, '交卷考生', finished.registrationNumber])
      await expect(page.locator('body')).not.toContainText(secret);
    await checkAccessible('marking: an answer');
    await task.getByLabel(/^得分/).fill('8');
    await task.getByLabel('评语（可选）').fill('原则说明清楚，例子略简单。');
    await task.getByRole('button', { name: '提交评分，下一份' }).click();
    await expect(page.getByRole('status').filter({ hasText: /已评 8 分，最终得分 8 分/ })).toBeVisible();
    await expect(page.getByText('待评 0 份，待仲裁 0 份，已评完 1 份。')).toBeVisible();
    await checkAccessible('marking: batch done');

    // Results: release (after marking, confirmed), statistics with charts, the .xlsx export.
    await page
      .getByRole('navigation', { name: '机构管理菜单' })
      .getByRole('link', { name: '成绩与统计' })
      .click();
    await page.getByLabel('按考试名称查找').fill(exam.title);
    await page.getByRole('link', { name: exam.title }).click();
    await expect(page.getByRole('heading', { level: 1, name: `成绩与统计：${exam.title}` })).toBeVisible();
    await page.getByRole('button', { name: '发布成绩' }).click();
    const release = page.getByRole('dialog', { name: '确认发布成绩？' });
    await checkAccessible('results: confirm the release');
    await release.getByRole('button', { name: '确认发布' }).click();
    await expect(page.getByRole('status').filter({ hasText: /成绩已于 .+ 发布/ })).toBeVisible();

    await expect(page.getByText('参考人数少于 5 人')).toBeVisible();
    await expect(page.getByRole('figure', { name: /成绩分布/ })).toContainText('共 1 名考生');
    await expect(page.getByRole('figure', { name: /及格率/ })).toContainText('及格 1 人');
    await expect(page.locator('figure canvas')).toHaveCount(3);
    const questions = page.getByRole('region', { name: '题目分析' });
    await expect(questions.getByRole('columnheader', { name: '难度（P 值）' })).toBeVisible();
    await expect(questions.getByRole('row')).toHaveCount(6);
    await checkAccessible('results and statistics');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出统计（Excel .xlsx）' }).click();
    expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
    await expect(page.getByText('统计表已下载。')).toBeVisible();

    // The same page on a phone: nothing wider than the screen but the tables' own scrolling.
    await page.setViewportSize({ width: 375, height: 812 });
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth))
      .toBeLessThanOrEqual(375);
    await checkAccessible('results and statistics on a phone');
    await page.setViewportSize({ width: 1280, height: 800 });

    // A wrong key found after the exam: replace it, every closed attempt is regraded, the history shows why.
    await page.goto(`/console/${exam.institutionId}/marking/${exam.examId}/regrade`);
    await expect(
      page.getByRole('heading', { level: 1, name: `修改答案与重新评分：${exam.title}` }),
    ).toBeVisible();
    await page.getByLabel('题目', { exact: true }).click();
    await page.locator('.ant-select-item-option', { hasText: '1.1 下列算法中' }).click();
    await page.getByRole('radio', { name: '替换正确答案' }).check();
    await page.getByLabel('选项字母').fill('a');
    await page.getByLabel('原因（将记入每条分数变更记录）').fill('标准答案录入错误');
    await checkAccessible('regrade: a key change');
    await page.getByRole('button', { name: '修改并重新评分' }).click();
    await page
      .getByRole('dialog', { name: '确认修改答案并重新评分？' })
      .getByRole('button', { name: '确认修改' })
      .click();
    await expect(
      page.getByRole('status').filter({ hasText: /已重新评分 \d+ 份作答，其中 1 份分数有变化/ }),
    ).toBeVisible();
    await page.getByLabel('选择作答（按准考证号/报名号）').click();
    await page.locator('.ant-select-item-option', { hasText: finishedNumber }).click();
    const history = page.getByRole('region', { name: '分数变更记录' });
    await expect(history.getByRole('row', { name: /修改答案后重新评分/ })).toContainText('标准答案录入错误');
    await expect(history.getByRole('row', { name: /人工评分/ })).toContainText('8');
    await checkAccessible('regrade: score history');
  });

  test('an administrator sees the institution’s orders and the way to approvals, the report, statements and invoices', async ({
    page,
    request,
    expectAccessible,
  }) => {
    const institutionId = institutionOf(await demoOrgAdmin(request));
    // The orders as they are before the page loads (journeys running beside this one only ever add orders).
    const orders = await request.get(`/api/payments/institutions/${institutionId}/orders`, {
      headers: bearer(await demoOrgAdmin(request)),
    });
    const { items } = (await orders.json()) as { items: { description: string }[] };
    await signInThroughPage(page, ADMIN, `/console/${institutionId}/payments`);
    await expect(page.getByRole('heading', { level: 1, name: '订单与退款' })).toBeVisible();
    for (const name of ['退款审批与设置', '收支报表', '对账差异', '发票'])
      await expect(page.getByRole('main').getByRole('link', { name, exact: true }).last()).toBeVisible();
    await expect(page.getByRole('table')).toBeVisible();
    await expectAccessible('payments: orders');
    if (items.length > 0) {
      await page
        .getByRole('link', { name: items[0]?.description ?? '' })
        .first()
        .click();
      await expect(page.getByRole('heading', { level: 2, name: '状态记录' })).toBeVisible();
      await expectAccessible('payments: an order');
    }
  });
});
