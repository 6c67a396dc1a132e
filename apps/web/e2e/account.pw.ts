import type { Browser, Page } from '@playwright/test';

import { type Candidate, createCandidate, signInThroughPage } from './support/accounts';
import { expect, expectPageAccessible, test } from './support/fixtures';
import { latestCode } from './support/mailbox';
import { freshEmail } from './support/people';

/** A second browser (its own cookies) signed in to the same account: a second session and device. */
async function secondBrowser(browser: Browser, baseURL: string | undefined, me: Candidate): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const other = await context.newPage();
  await signInThroughPage(other, me, '/account');
  await expect(other.getByRole('heading', { level: 1, name: '账号与安全' })).toBeVisible();
  return other;
}

test.describe('account and security', () => {
  test('ending another session from the list signs that browser out at its next action', async ({
    page,
    browser,
    baseURL,
    request,
    expectAccessible,
  }) => {
    const me = await createCandidate(request);
    const other = await secondBrowser(browser, baseURL, me);
    await signInThroughPage(page, me, '/account');

    const devices = page
      .locator('.ant-card')
      .filter({ has: page.getByRole('heading', { name: '登录设备' }) });
    const lastActive = devices.getByText(/^最近活动：/);
    await expect(lastActive).toHaveCount(2);
    await expect(devices.getByText('当前设备', { exact: true })).toHaveCount(1);
    await expect(devices).toContainText('最近活动');
    await expect(devices).toContainText('IP 127.0.0.*');
    await expectAccessible('account page');

    await devices.getByRole('button', { name: /^让 .+退出登录$/ }).click();
    await expect(lastActive).toHaveCount(1);
    await expect(devices.getByText('当前设备', { exact: true })).toBeVisible();

    await other.getByRole('navigation').getByRole('link', { name: '隐私中心' }).click();
    await expect(other).toHaveURL(/\/sign-in\?next=%2Fprivacy$/);
    await other.context().close();
  });

  test('sign out everywhere sends another browser to the sign-in page at its next action', async ({
    page,
    browser,
    baseURL,
    request,
    expectAccessible,
  }) => {
    const me = await createCandidate(request);
    const other = await secondBrowser(browser, baseURL, me);
    await signInThroughPage(page, me, '/account');

    await page.getByRole('button', { name: '在所有设备上退出' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('确定在所有设备上退出登录吗？');
    await expectAccessible('sign out everywhere, question');
    await dialog.getByRole('button', { name: '在所有设备上退出' }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await expect(page.getByRole('heading', { level: 1, name: '登录' })).toBeVisible();

    await other.getByRole('navigation').getByRole('link', { name: '隐私中心' }).click();
    await expect(other).toHaveURL(/\/sign-in\?next=%2Fprivacy$/);
    await expect(other.getByRole('heading', { level: 1, name: '登录' })).toBeVisible();
    await expectPageAccessible(other, 'second browser, signed out');
    await other.context().close();
  });

  test('a password change refuses a wrong current password and a weak new one, then signs out everywhere', async ({
    page,
    request,
    guard,
    expectAccessible,
  }) => {
    const me = await createCandidate(request);
    await signInThroughPage(page, me, '/account');
    const form = page.locator('form#passwordChange');
    const newPassword = 'Another-Exam-Day-2027?';

    guard.allowHttpError(/\/me\/password$/, 400);
    await form.getByLabel('当前密码').fill('not-my-password');
    await form.getByLabel('新密码', { exact: true }).fill(newPassword);
    await form.getByLabel('再次输入新密码').fill(newPassword);
    await form.getByRole('button', { name: '修改密码' }).click();
    await expect(page.getByRole('alert')).toContainText('当前密码不正确');
    await expectAccessible('password change refused');

    await form.getByLabel('当前密码').fill(me.password);
    await form.getByLabel('新密码', { exact: true }).fill('password123');
    await form.getByLabel('再次输入新密码').fill('password124');
    await form.getByRole('button', { name: '修改密码' }).click();
    await expect(form.getByText('两次输入的新密码不一致')).toBeVisible();
    await form.getByLabel('再次输入新密码').fill('password123');
    await form.getByRole('button', { name: '修改密码' }).click();
    await expect(page.getByRole('alert')).toContainText('新密码太弱');

    await form.getByLabel('新密码', { exact: true }).fill(newPassword);
    await form.getByLabel('再次输入新密码').fill(newPassword);
    await form.getByRole('button', { name: '修改密码' }).click();
    await expect(page).toHaveURL(/\/account\/password-changed$/);
    await expect(page.getByRole('heading', { level: 1, name: '密码已修改' })).toBeVisible();
    await expectAccessible('password changed');

    await page.getByRole('main').getByRole('link', { name: '去登录' }).click();
    await signInThroughPage(page, { login: me.login, password: newPassword }, '/account');
    await expect(page.getByRole('heading', { level: 1, name: '账号与安全' })).toBeVisible();
  });

  test('a new email is confirmed with the code sent to it, and shown masked only', async ({
    page,
    request,
    expectAccessible,
  }) => {
    const me = await createCandidate(request);
    await signInThroughPage(page, me, '/account');
    const newEmail = freshEmail();
    const form = page.locator('form#contactChange');
    await expect(page.getByText(/当前邮箱：\w\*\*\*@example\.com/)).toBeVisible();

    await form.getByText('邮箱', { exact: true }).click();
    await expect(form.getByRole('radio', { name: '邮箱' })).toBeChecked();
    await form.getByLabel('新邮箱').fill(newEmail);
    await form.getByLabel('当前密码').fill(me.password);
    await form.getByRole('button', { name: '发送验证码' }).click();
    await expect(page.getByText(/验证码已发送至 \w\*\*\*@example\.com/)).toBeVisible();
    await expectAccessible('contact change, code sent');

    await page.getByLabel('验证码').fill(await latestCode(request, newEmail));
    await page.getByRole('button', { name: '确认更换' }).click();
    await expect(page.getByRole('status')).toContainText(/已更换为 \w\*\*\*@example\.com/);
    await expect(page.locator('body')).not.toContainText(newEmail);
    await expect(page.locator('body')).not.toContainText(me.login);
  });
});
