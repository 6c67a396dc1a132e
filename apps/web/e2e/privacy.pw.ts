import { readFile } from 'node:fs/promises';

import { createCandidate, signInThroughPage } from './support/accounts';
import { expect, test } from './support/fixtures';

test.describe('privacy centre', () => {
  test('my data shows masked only; a consent is given, withdrawn and given again; the full copy downloads', async ({
    page,
    request,
    guard,
    expectAccessible,
  }) => {
    const me = await createCandidate(request);
    await signInThroughPage(page, me, '/privacy');
    await expect(page.getByRole('heading', { level: 1, name: '隐私中心' })).toBeVisible();

    // Masked as the API returns it; the full address (not even its local part) is never on the page.
    const localPart = me.login.split('@')[0] ?? me.login;
    await expect(page.getByText(/^\w\*{3}@example\.com$/)).toBeVisible();
    await expect(page.locator('body')).not.toContainText(localPart);
    await expectAccessible('privacy centre');

    // Another service's data, asked only when opened: no real name yet is a state, not an error.
    guard.allowHttpError(/\/api\/identity\/real-name\/me$/, 404);
    await page.getByRole('button', { name: '实名信息（实名认证服务）' }).click();
    await expect(page.getByText('尚未完成实名认证')).toBeVisible();

    // Consent: off by default, given, withdrawn, given again; each change survives a reload.
    const marketing = page.getByRole('region', { name: '营销信息' });
    await expect(marketing.getByText('未授权')).toBeVisible();
    await expect(marketing).toContainText('撤回后：您将不再收到推广信息');
    await marketing.getByRole('button', { name: '授权：营销信息' }).click();
    await expect(marketing.getByText('已授权', { exact: true })).toBeVisible();
    await marketing.getByRole('button', { name: '撤回授权：营销信息' }).click();
    await expect(marketing.getByText('未授权')).toBeVisible();
    await expectAccessible('privacy centre, consent withdrawn');
    await page.reload();
    await expect(page.getByRole('region', { name: '营销信息' }).getByText('未授权')).toBeVisible();
    await page.getByRole('button', { name: '授权：营销信息' }).click();
    await expect(
      page.getByRole('region', { name: '营销信息' }).getByText('已授权', { exact: true }),
    ).toBeVisible();
    await page.reload();
    await expect(
      page.getByRole('region', { name: '营销信息' }).getByText('已授权', { exact: true }),
    ).toBeVisible();

    // The full copy: a wrong password is said in words, then the right one gives a file (never the page).
    guard.allowHttpError(/\/me\/data-export\/full$/, 400);
    const copy = page
      .locator('.ant-card')
      .filter({ has: page.getByRole('heading', { name: '下载我的数据' }) });
    await copy.getByLabel('登录密码').fill('not-my-password');
    await copy.getByRole('button', { name: '生成数据副本' }).click();
    await expect(copy.getByRole('alert')).toContainText('登录密码不正确');
    await copy.getByLabel('登录密码').fill(me.password);
    await copy.getByRole('button', { name: '生成数据副本' }).click();
    await expect(copy.getByRole('status')).toContainText('数据副本已生成');
    await expectAccessible('privacy centre, copy ready');
    const downloading = page.waitForEvent('download');
    await copy.getByRole('link', { name: '下载数据副本' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^exam-platform-my-data-\d{4}-\d{2}-\d{2}\.json$/);
    const file = JSON.parse(await readFile(await download.path(), 'utf8')) as {
      profile: { email: string };
      consents: { purpose: string; granted: boolean }[];
    };
    expect(file.profile.email).toBe(me.login);
    expect(file.consents).toContainEqual(expect.objectContaining({ purpose: 'marketing', granted: true }));
    await expect(page.locator('body')).not.toContainText(localPart);

    // A phone's width: nothing runs off the side.
    await page.setViewportSize({ width: 375, height: 812 });
    await expect(page.getByRole('heading', { level: 1, name: '隐私中心' })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await expectAccessible('privacy centre at 375 px');
  });

  test('cancelling the account lists the consequences, asks twice, signs out, and the account cannot sign in', async ({
    page,
    request,
    guard,
    expectAccessible,
  }) => {
    const me = await createCandidate(request);
    await signInThroughPage(page, me, '/privacy');
    const erasure = page
      .locator('.ant-card')
      .filter({ has: page.getByRole('heading', { name: '注销账号' }) });
    await expect(erasure.getByRole('listitem')).toContainText([
      '您将在所有设备上退出登录',
      '手机号、邮箱、用户名',
      '15 天内删除',
      '无法再查看报名',
      '可以重新注册',
      '仅保留注销记录',
      '注销不可撤销',
    ]);

    // Nothing happens without the ticked confirmation.
    await erasure.getByLabel('登录密码').fill(me.password);
    await erasure.getByRole('button', { name: '注销账号' }).click();
    await expect(erasure.getByText('请先勾选确认')).toBeVisible();
    await erasure.getByRole('checkbox', { name: /我已阅读并理解以上后果/ }).check();
    await erasure.getByRole('button', { name: '注销账号' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('确定要注销账号吗？');
    await expectAccessible('cancellation, last question');
    await dialog.getByRole('button', { name: '确定注销' }).click();

    await expect(page).toHaveURL(/\/privacy\/cancelled$/);
    await expect(page.getByRole('heading', { level: 1, name: '账号已注销' })).toBeVisible();
    await expect(page.getByText(/其他服务中的个人信息将在 .+ 之前删除/)).toBeVisible();
    await expect(page.getByRole('link', { name: '登录', exact: true })).toBeVisible();
    await expectAccessible('account cancelled');

    guard.allowHttpError(/\/auth\/login$/, 401);
    await page.goto('/sign-in');
    await page.getByLabel('手机号、邮箱或用户名').fill(me.login);
    await page.getByLabel('密码', { exact: true }).fill(me.password);
    await page.getByRole('main').getByRole('button', { name: '登录', exact: true }).click();
    await expect(page.getByRole('alert')).toContainText('账号或密码不正确');
  });
});

test.describe('privacy policy', () => {
  test('the policy in force shows its version and date, and every version is readable', async ({
    page,
    request,
    expectAccessible,
  }) => {
    const current = (await (await request.get('/api/accounts/privacy-policy')).json()) as {
      version: string;
      text: string;
    };
    await page.goto('/privacy/policy');
    await expect(page.getByRole('heading', { level: 1, name: '隐私政策' })).toBeVisible();
    await expect(page.getByText(`版本 ${current.version}`).first()).toBeVisible();
    await expect(page.getByText(/起生效/).first()).toBeVisible();
    await expect(page.getByText(current.text.split('\n')[0] ?? '')).toBeVisible();
    await expectAccessible('privacy policy');

    await page.getByRole('link', { name: `版本 ${current.version}` }).click();
    await expect(page).toHaveURL(new RegExp(`/privacy/policy/versions/${current.version}$`));
    await expect(
      page.getByRole('heading', { level: 1, name: `隐私政策（版本 ${current.version}）` }),
    ).toBeVisible();
    await expect(page.getByText(current.text.split('\n')[0] ?? '')).toBeVisible();
    await expectAccessible('one policy version');
  });

  test('a session that must accept a changed policy sees it before anything else, and accepting opens the platform', async ({
    page,
    request,
    expectAccessible,
  }) => {
    // Publishing a material version would gate every user of the shared platform, so the token response is
    // the one thing changed: sign-in answers as it would after a material change. Everything else is real.
    const me = await createCandidate(request);
    const { version } = (await (await request.get('/api/accounts/privacy-policy')).json()) as {
      version: string;
    };
    await page.route('**/api/accounts/auth/login', async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as Record<string, unknown>;
      await route.fulfill({ response, json: { ...body, policyAcceptanceRequired: version } });
    });
    await signInThroughPage(page, me, '/account');

    await expect(page.getByRole('heading', { level: 1, name: '请阅读并同意更新后的隐私政策' })).toBeVisible();
    await expect(page.getByRole('heading', { name: '账号与安全' })).toHaveCount(0);
    await expectAccessible('policy gate');

    // Someone who does not agree can still reach the privacy centre.
    await page.getByRole('link', { name: '前往隐私中心' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '隐私中心' })).toBeVisible();
    await expect(page.getByText('隐私政策已更新')).toBeVisible();
    await page.getByRole('link', { name: '阅读并同意' }).click();

    await page.getByRole('button', { name: '同意并继续' }).click();
    await expect(page.getByText('请先勾选同意')).toBeVisible();
    await page.getByRole('checkbox', { name: '我已阅读并同意以上隐私政策' }).check();
    await page.getByRole('button', { name: '同意并继续' }).click();
    await expect(page).toHaveURL(/\/privacy$/);
    await expect(page.getByText('隐私政策已更新')).toHaveCount(0);

    await page.getByRole('navigation').getByRole('link', { name: '账号与安全' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '账号与安全' })).toBeVisible();
  });
});
