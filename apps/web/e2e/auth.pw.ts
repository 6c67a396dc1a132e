import { createCandidate } from './support/accounts';
import { expect, test } from './support/fixtures';
import { latestCode } from './support/mailbox';
import { freshPhone, STRONG_PASSWORD } from './support/people';

test.describe('sign-up, sign-in, reload and sign-out', () => {
  test('a new candidate signs up by phone with the code, stays signed in across a reload, and signs out', async ({
    page,
    request,
    guard,
    expectAccessible,
  }) => {
    const phone = freshPhone();
    await page.goto('/sign-up');
    await expect(page.getByRole('heading', { name: '注册账号' })).toBeVisible();
    await expectAccessible('sign-up');

    // A mistake a person makes: a short number. The form says what is wrong before anything is sent.
    await page.getByLabel('手机号', { exact: true }).fill('1380013');
    await page.getByLabel('昵称').fill('小王');
    await page.getByLabel('密码', { exact: true }).fill(STRONG_PASSWORD);
    await page.getByRole('button', { name: '获取验证码' }).click();
    await expect(page.getByText('请输入 11 位中国大陆手机号')).toBeVisible();
    await expect(page.getByText('请先阅读并同意隐私政策')).toBeVisible();

    await page.getByLabel('手机号', { exact: true }).fill(phone);
    await page.getByRole('checkbox').check();
    await page.getByRole('button', { name: '获取验证码' }).click();
    await expect(page.getByText(/验证码已发送至 \+86\d{3}\*{4}\d{4}/)).toBeVisible();
    // The masked number only: the full number never reaches the page after it was typed.
    await expect(page.locator('body')).not.toContainText(phone);

    guard.allowHttpError(/\/registrations\/[^/]+\/verify$/, 400);
    await page.getByLabel('验证码').fill('000000');
    await page.getByRole('button', { name: '完成注册' }).click();
    await expect(page.getByRole('alert')).toContainText('验证码不正确');

    // A new account lands on the real-name page, whose status answers 404 until a verification exists.
    guard.allowHttpError(/\/api\/identity\/real-name\/me$/, 404);
    await page.getByLabel('验证码').fill(await latestCode(request, phone));
    await page.getByRole('button', { name: '完成注册' }).click();
    await expect(page).toHaveURL(/\/identity$/);

    // The access token is in memory only: a reload gets a new one from the HttpOnly refresh cookie.
    await page.goto('/');
    await expect(page.getByRole('heading', { name: '我的主页' })).toBeVisible();
    const storage = await page.evaluate(() =>
      Object.keys(window.localStorage)
        .map((key) => `${key}=${window.localStorage.getItem(key) ?? ''}`)
        .join('\n'),
    );
    expect(storage).not.toContain(phone);
    expect(storage).not.toMatch(/eyJ/); // no token
    const cookies = await page.context().cookies();
    expect(cookies.find((c) => c.name.toLowerCase().includes('refresh'))?.httpOnly).toBe(true);

    await page.getByRole('button', { name: '退出登录' }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await page.goto('/my/exams');
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fmy%2Fexams$/);
  });

  test('a wrong password is explained in words, and a right one returns to the page asked for', async ({
    page,
    request,
    guard,
  }) => {
    const { login: email } = await createCandidate(request, 'Lee');

    await page.goto('/privacy');
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fprivacy$/);
    guard.allowHttpError(/\/auth\/login$/, 401);
    await page.getByLabel('手机号、邮箱或用户名').fill(email);
    await page.getByLabel('密码', { exact: true }).fill('not-the-password');
    await page.getByRole('main').getByRole('button', { name: '登录', exact: true }).click();
    await expect(page.getByRole('alert')).toContainText('账号或密码不正确');

    await page.getByLabel('密码', { exact: true }).fill(STRONG_PASSWORD);
    await page.getByRole('main').getByRole('button', { name: '登录', exact: true }).click();
    await expect(page).toHaveURL(/\/privacy$/);
  });

  test('?next= never leads to another site', async ({ page, request }) => {
    const { login: email } = await createCandidate(request, 'Zhao');
    await page.goto('/sign-in?next=//evil.example.com/steal');
    await page.getByLabel('手机号、邮箱或用户名').fill(email);
    await page.getByLabel('密码', { exact: true }).fill(STRONG_PASSWORD);
    await page.getByRole('main').getByRole('button', { name: '登录', exact: true }).click();
    await expect(page).toHaveURL('/');
  });
});
