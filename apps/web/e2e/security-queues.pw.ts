/**
 * The staff queues on the new audit and accounts routes (GET/POST /api/audit/appeals, GET
 * /api/accounts/privacy-requests): these journeys need a platform started from a checkout with them.
 */
import { apiSignIn, bearer, type Candidate, createCandidate, signInThroughPage } from './support/accounts';
import { expect, test } from './support/fixtures';
import { DEMO } from './support/people';
import { candidateWithStepUp } from './support/risky-sign-in';

const ADMIN: Candidate = { login: 'demo_admin', password: DEMO.password };
const ANALYST: Candidate = { login: 'demo_analyst', password: DEMO.password };

interface Decision {
  attemptId: string;
  decision: string;
}

test.describe('appeals of automated sign-in decisions', () => {
  test('an analyst finds a candidate’s appeal, is asked for a reason, upholds it; a late second review is refused', async ({
    page,
    request,
    expectAccessible,
  }) => {
    test.setTimeout(120_000);
    const risky = await candidateWithStepUp(request, '申诉人');
    // Audit records each sign-in's assessment from the accounts event (Kafka): it may take a moment to list.
    let stepUp: Decision | undefined;
    await expect
      .poll(
        async () => {
          const decisions = await request.get('/api/audit/me/login-decisions', {
            headers: bearer(risky.session),
          });
          expect(decisions.status(), await decisions.text()).toBe(200);
          stepUp = ((await decisions.json()) as Decision[]).find((d) => d.decision === 'step_up');
          return stepUp?.decision;
        },
        { timeout: 20_000, message: 'the sign-in that needed a code' },
      )
      .toBe('step_up');
    const statement = '那次是我本人在新电脑上登录，刚刚改过密码。';
    const filed = await request.post('/api/audit/me/appeals', {
      headers: bearer(risky.session),
      data: { attemptId: stepUp?.attemptId, statement },
    });
    expect(filed.status(), await filed.text()).toBe(201);
    const { appealId } = (await filed.json()) as { appealId: string };

    await signInThroughPage(page, ANALYST, '/security');
    await page
      .getByRole('navigation', { name: '安全控制台' })
      .getByRole('link', { name: '自动决定申诉' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: '自动决定申诉' })).toBeVisible();
    const filters = page.getByRole('form', { name: '自动决定申诉筛选' });
    await filters.getByLabel('账号编号').fill('not-an-id');
    await filters.getByRole('button', { name: '应用筛选' }).click();
    await expect(filters.getByText('请填写完整的账号编号')).toBeVisible();
    await filters.getByLabel('账号编号').fill(risky.userId);
    await filters.getByRole('button', { name: '应用筛选' }).click();
    await expect(page).toHaveURL(new RegExp(`status=open&account=${risky.userId}`));
    const row = page.getByRole('row').filter({ hasText: statement });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('二次验证（风险分 70）');
    await expectAccessible('decision appeal queue');

    await row.getByRole('button', { name: '复核' }).click();
    const dialog = page.getByRole('dialog', { name: '复核这次自动决定' });
    await dialog.getByRole('button', { name: '提交结论' }).click();
    await expect(dialog.getByText('请选择维持或撤销')).toBeVisible();
    await expect(dialog.getByText('请填写 10 到 2000 个字的理由')).toBeVisible();
    await dialog.getByRole('radio', { name: '维持原决定' }).check();
    await dialog.getByLabel('理由（写入审计日志）').fill('改密后立即出现新设备登录，要求验证码是合理的。');
    await expectAccessible('decision appeal dialog');
    await dialog.getByRole('button', { name: '提交结论' }).click();
    await expect(page.getByRole('status').filter({ hasText: '已维持原决定。' })).toBeVisible();
    await expect(row).toHaveCount(0);

    await page.getByRole('form', { name: '自动决定申诉筛选' }).getByLabel('状态').click();
    await page.getByTitle('全部状态', { exact: true }).click();
    await page.getByRole('button', { name: '应用筛选' }).click();
    await expect(page.getByRole('row').filter({ hasText: statement })).toContainText(
      '已维持：改密后立即出现新设备登录',
    );

    const admin = await apiSignIn(request, ADMIN.login, ADMIN.password);
    const late = await request.post(`/api/audit/appeals/${appealId}/decision`, {
      headers: bearer(admin),
      data: { decision: 'overturned', reason: 'A second, late review of the same appeal.' },
    });
    expect(late.status()).toBe(409);
    expect(((await late.json()) as { code: string }).code).toBe('APPEAL.ALREADY_DECIDED');

    await page.goto('/security/audit?type=staff.decision_appeal.decided');
    await expect(page.getByRole('table').filter({ hasText: '复核自动决定申诉' })).toBeVisible();
  });
});

test.describe('privacy requests', () => {
  test('a platform admin finds a fresh copy request by account and sees it was answered in time', async ({
    page,
    request,
    expectAccessible,
  }) => {
    const candidate = await createCandidate(request, '导出者');
    const session = await apiSignIn(request, candidate.login, candidate.password);
    const exported = await request.get('/api/accounts/me/data-export', { headers: bearer(session) });
    expect(exported.status(), await exported.text()).toBe(200);

    await signInThroughPage(page, ADMIN, '/security');
    await page
      .getByRole('navigation', { name: '安全控制台' })
      .getByRole('link', { name: '权利请求' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: '个人信息权利请求' })).toBeVisible();
    const filters = page.getByRole('form', { name: '权利请求筛选' });
    await filters.getByLabel('类型').click();
    await page.getByTitle('导出个人信息', { exact: true }).click();
    await filters.getByLabel('账号编号').fill(session.userId);
    await filters.getByRole('button', { name: '应用筛选' }).click();
    await expect(page).toHaveURL(new RegExp(`kind=export.*account=${session.userId}`));
    const row = page.getByRole('row').filter({ hasText: session.userId.slice(0, 8) });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('已完成');
    await expect(row).toContainText('按期完成');
    await expect(page.getByRole('main')).not.toContainText(candidate.login);
    await expectAccessible('privacy request queue');

    await filters.getByRole('checkbox', { name: '只看逾期' }).check();
    await filters.getByRole('button', { name: '应用筛选' }).click();
    await expect(page).toHaveURL(/overdue=1/);
    await expect(page.getByText('没有符合条件的请求')).toBeVisible();
  });

  test('an analyst has no privacy request queue, and the API refuses them too', async ({ page, request }) => {
    await signInThroughPage(page, ANALYST, '/security');
    await expect(
      page.getByRole('navigation', { name: '安全控制台' }).getByRole('link', { name: '权利请求' }),
    ).toHaveCount(0);
    await page.goto('/security/privacy-requests');
    await expect(page.getByRole('heading', { level: 1, name: '无权访问' })).toBeVisible();
    const analyst = await apiSignIn(request, ANALYST.login, ANALYST.password);
    const refused = await request.get('/api/accounts/privacy-requests', { headers: bearer(analyst) });
    expect(refused.status()).toBe(403);
  });
});
