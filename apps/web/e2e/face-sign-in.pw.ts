import {
  apiSession,
  apiToken,
  enrolFace,
  eraseAccount,
  eraseAccountByApi,
  registerAccount,
  signInOnPage,
} from './support/face-accounts';
import { ageFaceEnrolment } from './support/face-enrolment-age';
import { followPrompts, installFakeCamera, MOVES, requireFaces, setFakeFace } from './support/fake-camera';
import { expect, test } from './support/fixtures';

const NEW_PASSWORD = 'Exam-Room-2027-Lotus!';

test.describe('face sign-in and step-up by face', () => {
  test.beforeEach(() => {
    requireFaces();
  });

  test('a risky sign-in (new device soon after a password change) is confirmed by face instead of a code', async ({
    page,
    request,
    expectAccessible,
  }) => {
    test.setTimeout(120_000);
    const created = await registerAccount(request);
    const token = await apiToken(request, created);
    await enrolFace(request, token);
    const changed = await request.post('/api/accounts/me/password', {
      headers: { authorization: `Bearer ${token}` },
      data: { currentPassword: created.password, newPassword: NEW_PASSWORD },
    });
    expect(changed.status()).toBe(204);
    const account = { ...created, password: NEW_PASSWORD };

    await installFakeCamera(page);
    await page.goto('/sign-in');
    await page.getByLabel('手机号、邮箱或用户名').fill(account.email);
    await page.getByLabel('密码', { exact: true }).fill(account.password);
    await page.getByRole('main').getByRole('button', { name: '登录', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: '确认本次登录' })).toBeVisible();
    await expectAccessible('step-up: code or face');
    await page.getByRole('button', { name: '改用人脸确认' }).click();
    try {
      await setFakeFace(page, MOVES.bernadette.look_straight);
      const start = page.getByRole('button', { name: '开始', exact: true });
      await expect(start).toBeEnabled();
      await expectAccessible('step-up: camera');
      await start.click();
      await followPrompts(page, MOVES.bernadette);
      await expect(page).toHaveURL(/\/$/, { timeout: 30_000 });
      await expect(page.getByRole('heading', { level: 1, name: '我的主页' })).toBeVisible();
      await expectAccessible('step-up: signed in');
    } finally {
      await eraseAccount(page, account);
    }
  });

  test('face sign-in checks the face, and a face enrolled minutes ago is refused in words with the way out', async ({
    page,
    request,
    guard,
    expectAccessible,
  }) => {
    test.setTimeout(120_000);
    const account = await registerAccount(request);
    const token = await apiToken(request, account);
    await enrolFace(request, token);
    try {
      await installFakeCamera(page);
      await page.goto('/sign-in');
      await page.getByRole('button', { name: '刷脸登录' }).click();
      await expect(page.getByRole('heading', { level: 1, name: '刷脸登录' })).toBeVisible();
      await expectAccessible('face sign-in: account');
      await page.getByLabel('手机号、邮箱或用户名').fill(account.email);
      await page.getByRole('button', { name: '下一步' }).click();
      await setFakeFace(page, MOVES.bernadette.look_straight);
      await expect(page.getByLabel('摄像头画面')).toBeVisible();
      await expectAccessible('face sign-in: camera');
      // The face check passes; accounts then keeps a newly enrolled face out of sign-in for its cooling
      // period (FACE_ENROLMENT_COOLING_SECONDS, 3 days by default), which a fresh test account is always in.
      guard.allowHttpError(/\/api\/accounts\/auth\/face-login$/, 403);
      const checked = page.waitForResponse(/\/api\/identity\/face\/pre-auth\/checks$/);
      await page.getByRole('button', { name: '开始', exact: true }).click();
      await followPrompts(page, MOVES.bernadette);
      const check = (await (await checked).json()) as { decision: { passed: boolean } };
      expect(check.decision.passed).toBe(true);
      await expect(page.getByRole('alert')).toContainText('最近才录入', { timeout: 30_000 });
      await expect(page.getByRole('button', { name: '改用密码登录' })).toBeVisible();
      // The page got shorter under the pointer: keep the footer link out of its hover colour for axe.
      await page.mouse.move(0, 0);
      await expectAccessible('face sign-in: recently enrolled');
    } finally {
      await eraseAccountByApi(request, account);
    }
  });

  test('a face enrolled before the cooling period signs the candidate in on their own computer, straight to the home page', async ({
    page,
    request,
    expectAccessible,
  }) => {
    test.setTimeout(120_000);
    const account = await registerAccount(request);
    const { accessToken, userId } = await apiSession(request, account);
    await enrolFace(request, accessToken);
    // A month later (the cooling period has passed; see ageFaceEnrolment for why the row is aged).
    await ageFaceEnrolment(userId);
    await installFakeCamera(page);
    // Their own computer: signed in there before with the password (a face alone is not enough on a new device).
    await signInOnPage(page, account, '/');
    await page.getByRole('button', { name: '退出登录' }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    try {
      await page.getByRole('button', { name: '刷脸登录' }).click();
      await page.getByLabel('手机号、邮箱或用户名').fill(account.email);
      await page.getByRole('button', { name: '下一步' }).click();
      await setFakeFace(page, MOVES.bernadette.look_straight);
      await page.getByRole('button', { name: '开始', exact: true }).click();
      await followPrompts(page, MOVES.bernadette);
      await expect(page).toHaveURL(/\/$/, { timeout: 30_000 });
      await expect(page.getByRole('heading', { level: 1, name: '我的主页' })).toBeVisible();
      await expectAccessible('face sign-in: signed in');
    } finally {
      await eraseAccount(page, account);
    }
  });
});
