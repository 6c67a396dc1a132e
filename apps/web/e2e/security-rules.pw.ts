import type { APIRequestContext } from '@playwright/test';

import { apiSignIn, bearer, type Candidate, signInThroughPage } from './support/accounts';
import { expect, test } from './support/fixtures';
import { DEMO } from './support/people';

/** The demo seed's platform admin and security analyst (scripts/seed-demo.ts). */
const ADMIN: Candidate = { login: 'demo_admin', password: DEMO.password };
const ANALYST: Candidate = { login: 'demo_analyst', password: DEMO.password };

/**
 * The knob this journey turns: impossible travel's speed. Every request reaches accounts from 127.0.0.1, so
 * two sign-ins on this platform are never far apart and the rule cannot fire for any journey running beside
 * this one; 805 → 806 km/h would not change a decision even where it could.
 */
const RULE = 'impossible_travel';

async function speedInForce(request: APIRequestContext): Promise<number> {
  const admin = await apiSignIn(request, ADMIN.login, ADMIN.password);
  const response = await request.get('/api/audit/risk/rules', { headers: bearer(admin) });
  expect(response.status(), await response.text()).toBe(200);
  const policy = (await response.json()) as {
    rules: Partial<Record<string, { params: { maxSpeedKmh?: number } }>>;
  };
  const speed = policy.rules[RULE]?.params.maxSpeedKmh;
  expect(speed, 'impossible travel has a speed').toBeDefined();
  return speed ?? 0;
}

/** Puts the speed back through the API whatever happened in the page (the platform is shared). */
async function restoreSpeed(request: APIRequestContext, speed: number): Promise<void> {
  const admin = await apiSignIn(request, ADMIN.login, ADMIN.password);
  const response = await request.put(`/api/audit/risk/rules/${RULE}`, {
    headers: bearer(admin),
    data: { params: { maxSpeedKmh: speed } },
  });
  expect(response.status(), await response.text()).toBe(200);
}

test.describe('risk rules', () => {
  test('a platform admin is refused a bad change in words, makes a harmless one, and restores it', async ({
    page,
    request,
    guard,
    expectAccessible,
  }) => {
    const original = await speedInForce(request);
    const changed = original === 20_000 ? original - 1 : original + 1;
    try {
      await signInThroughPage(page, ADMIN, '/security/rules');
      await expect(page.getByRole('heading', { level: 1, name: '风控规则与阈值' })).toBeVisible();
      await expect(page.getByText('修改立即生效')).toBeVisible();
      const travel = page.getByRole('form', { name: '不可能的行程' });
      await expect(page.getByText(/超过“最高可能时速”即认为同一人不可能到达/)).toBeVisible();
      const speed = travel.getByLabel('最高可能时速（公里/小时）');
      await expect(speed).toHaveValue(String(original));
      await expectAccessible('risk rules');

      // Refused before it is sent: a speed of 0 is outside what the engine accepts.
      await speed.fill('0');
      await travel.getByRole('button', { name: '保存规则' }).click();
      await expect(travel.getByText('请填写 1 到 20000 之间的整数')).toBeVisible();

      // Refused by the server: the extra-check score above the block score, said in words on the field.
      guard.allowHttpError(/\/api\/audit\/risk\/thresholds$/, 400);
      const thresholds = page.getByRole('form', { name: '阈值' });
      const block = await thresholds.getByLabel('拦截分数').inputValue();
      await thresholds.getByLabel('二次验证分数').fill(String(Number(block) + 1));
      await thresholds.getByRole('button', { name: '保存阈值' }).click();
      await expect(
        page.getByRole('alert').filter({ hasText: '二次验证分数不能高于拦截分数。' }),
      ).toBeVisible();
      await expect(thresholds.getByText('二次验证分数不能高于拦截分数', { exact: true })).toBeVisible();
      await expectAccessible('risk thresholds refused');
      await thresholds.getByRole('button', { name: '撤销修改' }).click();
      expect(await speedInForce(request)).toBe(original);

      // A harmless change, saved and read back after a reload.
      await speed.fill(String(changed));
      await travel.getByRole('button', { name: '保存规则' }).click();
      await expect(page.getByRole('status').filter({ hasText: '已保存「不可能的行程」' })).toBeVisible();
      expect(await speedInForce(request)).toBe(changed);
      await page.reload();
      await expect(
        page.getByRole('form', { name: '不可能的行程' }).getByLabel('最高可能时速（公里/小时）'),
      ).toHaveValue(String(changed));

      // Restored through the page, as an admin would.
      const again = page.getByRole('form', { name: '不可能的行程' });
      await again.getByLabel('最高可能时速（公里/小时）').fill(String(original));
      await again.getByRole('button', { name: '保存规则' }).click();
      await expect(
        page.getByRole('status').filter({ hasText: '已保存「不可能的行程」，新登录按新设置评分。' }),
      ).toBeVisible();
      expect(await speedInForce(request)).toBe(original);

      // The change is in the audit log with who made it.
      await page.goto('/security/audit?type=staff.risk_rule.changed');
      await expect(page.getByRole('table').filter({ hasText: '修改风控规则' })).toBeVisible();
    } finally {
      if ((await speedInForce(request)) !== original) await restoreSpeed(request, original);
    }
  });

  test('an analyst reads the rules but cannot change them', async ({ page, expectAccessible }) => {
    await signInThroughPage(page, ANALYST, '/security');
    await page
      .getByRole('navigation', { name: '安全控制台' })
      .getByRole('link', { name: '风控规则' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: '风控规则与阈值' })).toBeVisible();
    await expect(page.getByText('只有平台管理员可以修改')).toBeVisible();
    const travel = page.getByRole('form', { name: '不可能的行程' });
    await expect(travel.getByLabel('最高可能时速（公里/小时）')).toBeDisabled();
    await expect(page.getByRole('button', { name: '保存规则' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: '保存阈值' })).toHaveCount(0);
    await expectAccessible('risk rules read-only');
  });
});
