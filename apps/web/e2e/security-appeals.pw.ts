import { apiSignIn, bearer, type Candidate, createCandidate, signInThroughPage } from './support/accounts';
import { expect, test } from './support/fixtures';
import { DEMO } from './support/people';

const ADMIN: Candidate = { login: 'demo_admin', password: DEMO.password };
const ANALYST: Candidate = { login: 'demo_analyst', password: DEMO.password };

/**
 * 张三's number in the authority simulator's register (apps/authority-sim/src/registry/test-persons.ts), which
 * the demo seed verified on demo_candidate1: a fresh account that claims it files an "ID number taken" appeal.
 * The journey only ever rejects such an appeal: approving it would withdraw demo_candidate1's verification.
 */
const ZHANG_SAN_ID_NUMBER = '110105199003071239';

test.describe('real-name appeals', () => {
  test('a platform admin finds a fresh appeal, is asked for a reason, and rejects it; a second decision is refused', async ({
    page,
    request,
    expectAccessible,
  }) => {
    const candidate = await createCandidate(request, '申诉人');
    const session = await apiSignIn(request, candidate.login, candidate.password);
    const filed = await request.post('/api/identity/real-name/appeals', {
      headers: bearer(session),
      data: {
        kind: 'id_number_taken',
        reason: '这是我本人的身份证，请核实后恢复。',
        idNumber: ZHANG_SAN_ID_NUMBER,
      },
    });
    expect(filed.status(), await filed.text()).toBe(201);
    const { id } = (await filed.json()) as { id: string };

    await signInThroughPage(page, ADMIN, '/security');
    await page
      .getByRole('navigation', { name: '安全控制台' })
      .getByRole('link', { name: '实名申诉' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: '实名申诉' })).toBeVisible();
    const filters = page.getByRole('form', { name: '实名申诉筛选' });
    await filters.getByLabel('类型').click();
    await page.getByTitle('身份证号被占用', { exact: true }).click();
    await filters.getByRole('button', { name: '应用筛选' }).click();
    await expect(page).toHaveURL(/status=open&kind=id_number_taken/);
    const row = page.getByRole('row').filter({ hasText: session.userId.slice(0, 8) });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('待处理');
    // The reviewer sees the number masked, never in full.
    await expect(page.getByRole('main')).not.toContainText(ZHANG_SAN_ID_NUMBER);
    await expectAccessible('real-name appeal queue');

    await row.getByRole('link', { name: '身份证号被占用' }).click();
    await expect(page).toHaveURL(new RegExp(`/security/real-name-appeals/${id}$`));
    await expect(page.getByRole('heading', { level: 1, name: '实名申诉：身份证号被占用' })).toBeVisible();
    await expect(page.getByText('这是我本人的身份证，请核实后恢复。')).toBeVisible();
    const decision = page.getByRole('form', { name: '复核决定' });
    await decision.getByRole('button', { name: '提交决定' }).click();
    await expect(decision.getByText('请选择通过或驳回')).toBeVisible();
    await expect(decision.getByText('请填写 10 到 500 个字的理由')).toBeVisible();
    await decision.getByRole('radio', { name: '通过' }).check();
    await expect(page.getByText(/当前持有该身份证号的账号的实名认证和人脸将被撤销/)).toBeVisible();
    await decision.getByRole('radio', { name: '驳回' }).check();
    await decision.getByLabel(/决定理由/).fill('该号码已由本人完成实名和人脸核验，申诉材料不足。');
    await expectAccessible('real-name appeal decision');
    await decision.getByRole('button', { name: '提交决定' }).click();
    await expect(page.getByRole('status').filter({ hasText: '已驳回该申诉。' })).toBeVisible();
    await expect(page.getByText('该申诉已有决定，不能再修改。')).toBeVisible();

    // Another reviewer deciding the same appeal afterwards is refused: one decision wins.
    const admin = await apiSignIn(request, ADMIN.login, ADMIN.password);
    const late = await request.post(`/api/identity/real-name/admin/appeals/${id}/decision`, {
      headers: bearer(admin),
      data: { decision: 'approved', reason: 'A second, late decision on the same appeal.' },
    });
    expect(late.status()).toBe(409);
    expect(((await late.json()) as { code: string }).code).toBe('IDENTITY.APPEAL_ALREADY_DECIDED');
  });

  test('an analyst has no real-name appeal queue (identity lets only platform admins review)', async ({
    page,
  }) => {
    const calls: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/admin/appeals')) calls.push(r.url());
    });
    await signInThroughPage(page, ANALYST, '/security');
    await expect(page.getByRole('heading', { level: 1, name: '安全告警' })).toBeVisible();
    await expect(
      page.getByRole('navigation', { name: '安全控制台' }).getByRole('link', { name: '实名申诉' }),
    ).toHaveCount(0);
    await page.goto('/security/real-name-appeals');
    await expect(page.getByRole('heading', { level: 1, name: '无权访问' })).toBeVisible();
    expect(calls).toEqual([]);
  });
});
