import type { APIRequestContext, Page } from '@playwright/test';

import { type Candidate, createCandidate } from './support/accounts';
import {
  apiSession,
  apiToken,
  enrolFace,
  eraseAccount,
  eraseAccountByApi,
  registerAccount,
} from './support/face-accounts';
import { ageFaceEnrolment } from './support/face-enrolment-age';
import { followPrompts, installFakeCamera, MOVES, requireFaces, setFakeFace } from './support/fake-camera';
import { expect, test } from './support/fixtures';
import { latestCode, messageCount } from './support/mailbox';

const NEW_PASSWORD = 'Exam-Room-2027-Lotus!';
/** Long enough for the form, but among the most common passwords: only the service can refuse it. */
const COMMON_PASSWORD = 'Woaini1314';

async function submitSignIn(page: Page, login: string, password: string): Promise<void> {
  await page.getByLabel('手机号、邮箱或用户名').fill(login);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('main').getByRole('button', { name: '登录', exact: true }).click();
}

/**
 * Signs in on the sign-in page with the password just set and lands on the home page. A password reset just now
 * on a device never seen: the risk engine may ask for a code first, which the candidate enters from the mailbox.
 */
async function signInWithNewPassword(
  page: Page,
  request: APIRequestContext,
  login: string,
  password: string,
): Promise<void> {
  const beforeSignIn = await messageCount(request, login);
  await submitSignIn(page, login, password);
  const home = page.getByRole('heading', { level: 1, name: '我的主页' });
  const stepUp = page.getByRole('heading', { level: 1, name: '确认本次登录' });
  await expect(home.or(stepUp)).toBeVisible({ timeout: 15_000 });
  if (await stepUp.isVisible()) {
    await page.getByLabel('验证码').fill(await latestCode(request, login, beforeSignIn));
    await page.getByRole('button', { name: '确认登录' }).click();
  }
  await expect(home).toBeVisible();
  await expect(page).toHaveURL(/\/$/);
}

test.describe('password recovery', () => {
  test('by code: a common password is refused in words, a strong one is set, the old one no longer signs in and the new one does', async ({
    page,
    request,
    guard,
    expectAccessible,
  }) => {
    const candidate: Candidate = await createCandidate(request, 'Recover');
    await page.goto('/sign-in');
    await page.getByRole('link', { name: '忘记密码？' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '找回密码' })).toBeVisible();
    await expectAccessible('forgot password: account');

    const before = await messageCount(request, candidate.login);
    await page.getByLabel('手机号、邮箱或用户名').fill(candidate.login);
    await page.getByRole('button', { name: '发送验证码' }).click();
    await expect(page.getByText('如果该账号存在，验证码已发送到其绑定的手机或邮箱。')).toBeVisible();
    const code = await latestCode(request, candidate.login, before);
    await expectAccessible('forgot password: code and new password');

    // Too short is named by the form itself; a common password only the service knows, and it says why.
    await page.getByLabel('验证码').fill(code);
    await page.getByLabel('新密码').fill('short');
    await page.getByRole('button', { name: '重设密码' }).click();
    await expect(page.getByText('密码需 8 到 128 位')).toBeVisible();
    guard.allowHttpError(/\/api\/accounts\/password-resets\/confirm$/, 400);
    await page.getByLabel('新密码').fill(COMMON_PASSWORD);
    await page.getByRole('button', { name: '重设密码' }).click();
    await expect(page.getByRole('alert')).toContainText(
      '密码太弱：请加长，并避免常见密码和您的手机号、邮箱。',
    );
    await expectAccessible('forgot password: weak password refused');

    // The refusal did not use up the code: the same code sets a strong password.
    await page.getByLabel('新密码').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: '重设密码' }).click();
    await expect(page.getByText('密码已重设')).toBeVisible();
    await expect(page.getByText('您在其他设备上的登录已全部退出')).toBeVisible();
    await expectAccessible('forgot password: done');

    await page.getByRole('main').getByRole('link', { name: '登录' }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    guard.allowHttpError(/\/api\/accounts\/auth\/login$/, 401);
    await submitSignIn(page, candidate.login, candidate.password);
    await expect(page.getByRole('alert')).toContainText('账号或密码不正确');

    await signInWithNewPassword(page, request, candidate.login, NEW_PASSWORD);
  });

  test('by face: the face check passes, but a face enrolled minutes ago cannot reset the password, and the page says so', async ({
    page,
    request,
    guard,
    expectAccessible,
  }) => {
    requireFaces();
    test.setTimeout(120_000);
    const account = await registerAccount(request);
    const token = await apiToken(request, account);
    await enrolFace(request, token);
    await installFakeCamera(page);
    try {
      await page.goto('/forgot-password');
      await page.getByRole('button', { name: '用人脸找回' }).click();
      await expect(page.getByText('输入账号后先完成人脸核验')).toBeVisible();
      const before = await messageCount(request, account.email);
      await page.getByLabel('手机号、邮箱或用户名').fill(account.email);
      await page.getByRole('button', { name: '下一步' }).click();
      await setFakeFace(page, MOVES.bernadette.look_straight);
      await expect(page.getByLabel('摄像头画面')).toBeVisible();
      const checked = page.waitForResponse(/\/api\/identity\/face\/pre-auth\/checks$/);
      await page.getByRole('button', { name: '开始', exact: true }).click();
      await followPrompts(page, MOVES.bernadette);
      const check = (await (await checked).json()) as { decision: { passed: boolean } };
      expect(check.decision.passed).toBe(true);

      // The code went to the account's email with the ticket; accounts then refuses a face enrolled within its
      // cooling period (FACE_ENROLMENT_COOLING_SECONDS, 3 days by default), which a fresh account always is.
      await expect(page.getByLabel('验证码')).toBeVisible({ timeout: 30_000 });
      await page.getByLabel('验证码').fill(await latestCode(request, account.email, before));
      await page.getByLabel('新密码').fill(NEW_PASSWORD);
      guard.allowHttpError(/\/api\/accounts\/password-resets\/face\/confirm$/, 403);
      await page.getByRole('button', { name: '重设密码' }).click();
      const refusal = page.locator('[data-error-code="AUTH.FACE_RECENTLY_ENROLLED"]');
      await expect(refusal).toContainText('您的人脸是最近才录入的，暂时不能用于登录或找回密码');
      await expect(refusal).toContainText('通过验证码找回密码');
      await page.mouse.move(0, 0);
      await expectAccessible('forgot password by face: recently enrolled');

      // The password did not change: the old one still signs in (through the API, a known device).
      const old = await request.post('/api/accounts/auth/login', {
        data: { login: account.email, password: account.password },
        headers: { 'x-device-id': 'playwright-api-setup' },
      });
      expect(old.status()).toBe(200);
    } finally {
      await eraseAccountByApi(request, account);
    }
  });

  test('by face: with a face enrolled before the cooling period, the face check and the emailed code set a new password, which then signs in', async ({
    page,
    request,
    expectAccessible,
  }) => {
    requireFaces();
    test.setTimeout(120_000);
    const account = await registerAccount(request);
    const { accessToken, userId } = await apiSession(request, account);
    await enrolFace(request, accessToken);
    // A month later (the cooling period has passed; see ageFaceEnrolment for why the row is aged).
    await ageFaceEnrolment(userId);
    await installFakeCamera(page);
    try {
      await page.goto('/forgot-password');
      await page.getByRole('button', { name: '用人脸找回' }).click();
      const before = await messageCount(request, account.email);
      await page.getByLabel('手机号、邮箱或用户名').fill(account.email);
      await page.getByRole('button', { name: '下一步' }).click();
      await setFakeFace(page, MOVES.bernadette.look_straight);
      await page.getByRole('button', { name: '开始', exact: true }).click();
      await followPrompts(page, MOVES.bernadette);

      await expect(page.getByLabel('验证码')).toBeVisible({ timeout: 30_000 });
      await expectAccessible('forgot password by face: code and new password');
      await page.getByLabel('验证码').fill(await latestCode(request, account.email, before));
      await page.getByLabel('新密码').fill(NEW_PASSWORD);
      await page.getByRole('button', { name: '重设密码' }).click();
      await expect(page.getByText('密码已重设')).toBeVisible();
      await expect(page.getByText('您在其他设备上的登录已全部退出')).toBeVisible();
      await expectAccessible('forgot password by face: done');

      // The old password no longer signs in (through the API); the new one does, on the page.
      const old = await request.post('/api/accounts/auth/login', {
        data: { login: account.email, password: account.password },
        headers: { 'x-device-id': 'playwright-api-setup' },
      });
      expect(old.status()).toBe(401);
      await page.getByRole('main').getByRole('link', { name: '登录' }).click();
      await expect(page).toHaveURL(/\/sign-in$/);
      await signInWithNewPassword(page, request, account.email, NEW_PASSWORD);
    } finally {
      await eraseAccount(page, { ...account, password: NEW_PASSWORD });
    }
  });
});
