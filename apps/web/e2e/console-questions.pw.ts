import { signInAsDemoAdmin, stamp } from './console-helpers';
import { bearer, demoOrgAdmin } from './support/accounts';
import { institutionOf } from './support/exam-factory';
import { expect, test } from './support/fixtures';

test.describe('console: the question editor', () => {
  test('staff write a multiple-choice question, see it as the candidate will, and find it by search; at 375 px', async ({
    page,
    request,
    guard,
    expectAccessible,
  }) => {
    const admin = await demoOrgAdmin(request);
    const institutionId = institutionOf(admin);
    const created = await request.post(`/api/exam/institutions/${institutionId}/banks`, {
      headers: bearer(admin),
      data: { name: `编辑器题库 ${stamp()}` },
    });
    expect(created.ok()).toBe(true);
    const { bankId } = (await created.json()) as { bankId: string };

    await page.setViewportSize({ width: 375, height: 800 });
    await signInAsDemoAdmin(page, `/console/${institutionId}/banks/${bankId}/questions/new`);
    await expect(page.getByRole('heading', { level: 1, name: '新建试题' })).toBeVisible();
    await page.getByLabel('题型', { exact: true }).click();
    await page.getByTitle('多选题').click();
    await page.getByLabel('题干').fill('<p>以下哪些是<b>哈希</b>算法？</p>');
    await page.getByLabel('选项 A', { exact: true }).fill('SHA-256');
    await page.getByLabel('选项 B', { exact: true }).fill('AES');
    await page.getByLabel('选项 C', { exact: true }).fill('SM3');
    await page.getByRole('switch', { name: '选项 C 为正确答案' }).click();
    await page.getByRole('button', { name: '删除选项 D' }).click();
    const preview = page.getByRole('region', { name: '考生看到的样子' });
    await expect(preview.getByRole('group', { name: '第 1 题', exact: true })).toContainText(
      '以下哪些是哈希算法？',
    );
    await expect(preview.getByRole('checkbox', { name: 'C. SM3' })).toBeDisabled();
    await expectAccessible('question editor at 375 px');

    // Two options marked correct is fine for a multiple-choice; none is refused by the server in words.
    await page.getByRole('switch', { name: '选项 A 为正确答案' }).click();
    await page.getByRole('switch', { name: '选项 C 为正确答案' }).click();
    guard.allowHttpError(/\/questions$/, 400);
    await page.getByRole('button', { name: '保存试题' }).click();
    await expect(page.getByText('多选题至少要有一个正确选项')).toBeVisible();
    await page.getByRole('switch', { name: '选项 A 为正确答案' }).click();
    await page.getByRole('button', { name: '保存试题' }).click();

    await expect(page.getByRole('heading', { level: 1, name: /^题库：编辑器题库/ })).toBeVisible();
    await page.getByRole('searchbox', { name: '在本页试题中搜索' }).fill('哈希');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('link', { name: '以下哪些是哈希算法？' })).toBeVisible();
    await expectAccessible('bank at 375 px');
  });
});
