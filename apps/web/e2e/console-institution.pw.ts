import { signInAsDemoAdmin, stamp } from './console-helpers';
import { apiSignIn, bearer, createCandidate, signInThroughPage } from './support/accounts';
import { expect, test } from './support/fixtures';
import { freshEmail } from './support/people';

test.describe('console: institution profile, members and refusals', () => {
  test('a new institution’s administrator edits its profile and face-image policy, invites staff, and cannot remove the last administrator', async ({
    page,
    request,
    guard,
    expectAccessible,
  }) => {
    const founder = await createCandidate(request, '创办人');
    const session = await apiSignIn(request, founder.login, founder.password);
    const name = `测试培训学校 ${stamp()}`;
    const created = await request.post('/api/accounts/institutions', {
      headers: bearer(session),
      data: { name, contactEmail: freshEmail() },
    });
    expect(created.ok(), await created.text()).toBe(true);
    const { institutionId } = (await created.json()) as { institutionId: string };

    // Signing in now gives a token with the new membership.
    await signInThroughPage(page, founder, `/console/${institutionId}/profile`);
    await expect(page.getByRole('heading', { level: 1, name: '机构信息' })).toBeVisible();
    await expect(page.getByLabel('机构名称')).toHaveValue(name);
    // The contact email is shown as the API returns it: masked.
    await expect(page.getByText(/\*{2,}/).first()).toBeVisible();
    await expectAccessible('profile');
    await page.getByLabel('机构名称').fill(`${name} 新`);
    await page.getByRole('button', { name: '保存名称' }).click();
    await expect(page.getByText('已保存。').first()).toBeVisible();

    await page.getByRole('switch', { name: '保留人脸原始图像' }).click();
    await page.getByLabel('保留天数').fill('30');
    await page.getByRole('button', { name: '保存策略' }).click();
    await expect(page.getByText('已保存。').nth(1)).toBeVisible();
    await expectAccessible('profile saved');

    await page
      .getByRole('navigation', { name: '机构管理菜单' })
      .getByRole('link', { name: '成员与邀请' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: '成员与邀请' })).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: '创办人' })).toContainText('机构管理员');
    await page.getByLabel('邮箱', { exact: true }).fill('not-an-email');
    await page.getByRole('button', { name: '发送邀请' }).click();
    await expect(page.getByText('请输入有效的邮箱地址')).toBeVisible();
    const invitee = freshEmail();
    await page.getByLabel('邮箱', { exact: true }).fill(invitee);
    await page.getByRole('button', { name: '发送邀请' }).click();
    await expect(page.getByText(/已向 .+ 发送“工作人员”邀请/)).toBeVisible();
    await expect(page.locator('body')).not.toContainText(invitee);
    await expectAccessible('members with an invitation sent');

    guard.allowHttpError(/\/members\/[^/]+\/roles\/org_admin$/, 409);
    await page.getByRole('button', { name: '移除 创办人 的“机构管理员”角色' }).click();
    await page.getByRole('tooltip').getByRole('button', { name: '移除角色' }).click();
    await expect(page.getByRole('alert').filter({ hasText: '最后一位管理员' })).toContainText(
      '这是机构最后一位管理员，不能移除。请先任命另一位管理员。',
    );
    await expectAccessible('last administrator refusal');
  });

  test('demo_org_admin opening another institution’s console by URL is refused without its data', async ({
    page,
    request,
    expectAccessible,
  }) => {
    const owner = await createCandidate(request, '机构乙');
    const session = await apiSignIn(request, owner.login, owner.password);
    const name = `乙机构 ${stamp()}`;
    const created = await request.post('/api/accounts/institutions', {
      headers: bearer(session),
      data: { name, contactEmail: freshEmail() },
    });
    expect(created.ok(), await created.text()).toBe(true);
    const { institutionId } = (await created.json()) as { institutionId: string };

    await signInAsDemoAdmin(page, `/console/${institutionId}/exams`);
    await expect(page.getByRole('heading', { level: 1, name: '无权访问' })).toBeVisible();
    await expect(page.getByText('您不是该机构的工作人员，不能查看其数据。')).toBeVisible();
    await expect(page.locator('body')).not.toContainText(name);
    await expect(page.getByRole('table')).toHaveCount(0);
    await expectAccessible('another institution refused');
  });

  test('a candidate opening /console is told they are not staff', async ({
    page,
    request,
    expectAccessible,
  }) => {
    const candidate = await createCandidate(request);
    await signInThroughPage(page, candidate, '/console');
    await expect(page.getByRole('heading', { level: 1, name: '机构管理' })).toBeVisible();
    await expect(page.getByText('您不是任何机构的工作人员。')).toBeVisible();
    await expectAccessible('console for a candidate');
  });
});
