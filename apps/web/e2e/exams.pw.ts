import { apiSignIn, bearer, type Candidate, createCandidate, signInThroughPage } from './support/accounts';
import { sitExam } from './support/attempts';
import { expectPdfDownload } from './support/downloads';
import { createExam, untilOpen } from './support/exam-factory';
import { expect, test } from './support/fixtures';

const FORM = [
  { key: 'school', label: '毕业院校', kind: 'text', required: true, maxLength: 100 },
  { key: 'degree', label: '最高学历', kind: 'select', required: false, options: ['本科', '硕士', '博士'] },
];

async function registerThroughPage(
  page: import('@playwright/test').Page,
  examId: string,
  school = '华东师范大学',
): Promise<string> {
  await page.goto(`/exams/${examId}`);
  await page.getByRole('link', { name: '立即报名' }).click();
  if (school) await page.getByLabel('毕业院校').fill(school);
  await page.getByRole('button', { name: /^提交报名/ }).click();
  await expect(page).toHaveURL(/\/my\/exams\/[0-9a-f-]{36}(\/payment)?$/);
  return /\/my\/exams\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? '';
}

test.describe('exams: browse, register, my exams', () => {
  test('a fresh candidate browses, reads the notice, registers for a free exam (after a mistake) and downloads the admission ticket', async ({
    page,
    request,
    expectAccessible,
  }) => {
    const exam = await createExam(request, { registrationForm: FORM });
    const candidate: Candidate = await createCandidate(request);

    // A visitor sees why there is nothing yet, and how to sign in.
    await page.goto('/exams');
    await expect(page.getByRole('heading', { level: 1, name: '考试报名' })).toBeVisible();
    await expect(page.getByText('请先登录')).toBeVisible();
    await expectAccessible('exam catalogue (visitor)');

    await signInThroughPage(page, candidate, '/exams');
    await expect(page).toHaveURL(/\/exams$/);
    const card = page.getByRole('listitem').filter({ hasText: exam.title });
    await expect(card.getByText('免费')).toBeVisible();
    await expect(card.getByText('99 个').or(card.getByText('100 个'))).toBeVisible();
    await expectAccessible('exam catalogue');

    await card.getByRole('heading', { name: exam.title }).getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1, name: exam.title })).toBeVisible();
    await expect(page.getByRole('heading', { name: '考试须知' })).toBeVisible();
    await expect(page.getByText('考试期间请勿切换窗口。')).toBeVisible();
    await expectAccessible('exam notice');

    await page.getByRole('link', { name: '立即报名' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `报名：${exam.title}` })).toBeVisible();
    // The mistake: the required field left empty is named before anything is sent.
    await page.getByRole('button', { name: '提交报名' }).click();
    await expect(page.getByText('请填写“毕业院校”')).toBeVisible();
    await expectAccessible('registration form with a missing field');

    await page.getByLabel('毕业院校').fill('华东师范大学');
    await page.getByLabel('最高学历').click();
    await page.getByTitle('硕士', { exact: true }).click();
    await page.getByRole('button', { name: '提交报名' }).click();
    await expect(page).toHaveURL(/\/my\/exams\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('alert').getByText('报名成功')).toBeVisible();
    await expect(page.getByText('华东师范大学')).toBeVisible();
    await expectAccessible('registration confirmed');

    await expectPdfDownload(page, page.getByRole('button', { name: '下载准考证' }));

    await page.getByRole('link', { name: '返回我的考试' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '我的考试' })).toBeVisible();
    const mine = page.getByRole('listitem').filter({ hasText: exam.title });
    await expect(mine.getByText('报名成功')).toBeVisible();
    await expectAccessible('my exams');

    // The notice now says the candidate is registered instead of offering a second registration.
    await page.goto(`/exams/${exam.examId}`);
    await expect(page.getByText('您已报名本场考试')).toBeVisible();

    // Once the exam window opens, the registration leads into the exam room (another feature's page).
    await untilOpen(exam);
    await page.goto('/my/exams');
    await expect(
      page.getByRole('listitem').filter({ hasText: exam.title }).getByRole('link', { name: '进入考场' }),
    ).toHaveAttribute('href', `/exam-room/${exam.examId}`);
  });

  test('a registration needing approval waits for review, and a rejection shows its reason; another candidate’s registration is not found', async ({
    page,
    request,
    guard,
    expectAccessible,
  }) => {
    const exam = await createExam(request, { requiresApproval: true, registrationForm: FORM });
    const candidate = await createCandidate(request);
    await signInThroughPage(page, candidate, '/exams');

    const registrationId = await registerThroughPage(page, exam.examId);
    await expect(page.getByRole('alert').getByText('待审核')).toBeVisible();
    await expect(page.getByText('考试机构正在审核您的报名')).toBeVisible();
    await expectAccessible('registration pending review');

    const reason = '学历信息与证明材料不一致，请核对后重新报名。';
    const rejected = await request.post(
      `/api/exam/institutions/${exam.institutionId}/exams/${exam.examId}/registrations/${registrationId}/reject`,
      { headers: bearer(exam.admin), data: { reason } },
    );
    expect(rejected.ok(), await rejected.text()).toBe(true);
    // The page asks again while the review is pending; no reload needed.
    await expect(page.getByRole('alert').getByText('未通过审核')).toBeVisible({ timeout: 15_000 });
    await expect(page.getByText(`审核意见：${reason}`)).toBeVisible();
    await expectAccessible('registration rejected');

    // Someone else's registration id in the address bar: not found, and none of their data.
    const other = await createCandidate(request, '另一位考生');
    const otherSession = await apiSignIn(request, other.login, other.password);
    const theirs = await request.post(`/api/exam/exams/${exam.examId}/registrations`, {
      headers: bearer(otherSession),
      data: { answers: [{ key: 'school', value: '另一所大学' }] },
    });
    expect(theirs.status()).toBe(201);
    const their = (await theirs.json()) as { registrationId: string; registrationNumber: string };
    guard.allowHttpError(new RegExp(`/api/exam/me/registrations/${their.registrationId}$`), 404);
    await page.goto(`/my/exams/${their.registrationId}`);
    await expect(page.getByRole('alert')).toContainText('未找到这条报名记录');
    await expect(page.locator('body')).not.toContainText(their.registrationNumber);
    await expect(page.locator('body')).not.toContainText('另一所大学');
    await expectAccessible('another candidate’s registration');
  });

  test('results released at once: score, pass, the review with explanations, and the certificate with its public check', async ({
    page,
    request,
    expectAccessible,
  }) => {
    const exam = await createExam(request, {
      practice: true,
      resultsRelease: 'immediately',
      extraSettings: { reviewAllowed: true, certificate: { enabled: true } },
    });
    const candidate = await createCandidate(request);
    await sitExam(request, candidate, exam.examId);

    await signInThroughPage(page, candidate, `/exams/${exam.examId}`);
    await page.getByRole('link', { name: '我的练习成绩' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `成绩：${exam.title}` })).toBeVisible();
    await expect(page.getByTestId('results-score')).toHaveText('10 / 10 分');
    await expect(page.getByText('通过', { exact: true })).toBeVisible();
    await expect(page.getByText('及格分：6 分')).toBeVisible();
    await expectAccessible('results');

    await page.getByRole('link', { name: '查看答卷与解析' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '答卷回顾' })).toBeVisible();
    const first = page.getByRole('listitem').filter({ hasText: '非对称加密' });
    await expect(first.getByText('B. RSA').first()).toBeVisible();
    await expect(first.getByText('RSA 是非对称加密算法；AES、DES 都是对称加密算法。')).toBeVisible();
    await expectAccessible('answer review');

    await page.getByRole('link', { name: '返回成绩' }).click();
    await page.getByRole('button', { name: '领取证书' }).click();
    const code = (await page.getByTestId('certificate-code').innerText()).trim();
    expect(code.length).toBeGreaterThanOrEqual(20);
    await expectAccessible('certificate issued');
    await expectPdfDownload(page, page.getByRole('button', { name: '下载证书 PDF' }));

    await page.getByRole('link', { name: '查看证书核验页' }).click();
    await expect(page.getByRole('status')).toHaveText('证书真实有效');
    await expect(page.getByText(exam.title)).toBeVisible();
    await expectAccessible('certificate verification');
  });
});
