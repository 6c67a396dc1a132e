import type { APIRequestContext, Page } from '@playwright/test';

import { signInAsDemoAdmin, stamp } from './console-helpers';
import { type ApiSession, bearer, demoOrgAdmin } from './support/accounts';
import { createExam, institutionOf, postJson } from './support/exam-factory';
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

interface BankSetUp {
  readonly admin: ApiSession;
  readonly institutionId: string;
  readonly bankId: string;
  readonly bankName: string;
}

async function bankWithCategories(
  request: APIRequestContext,
): Promise<BankSetUp & { categories: Record<string, string> }> {
  const admin = await demoOrgAdmin(request);
  const institutionId = institutionOf(admin);
  const bankName = `分类题库 ${stamp()}`;
  const bank = await postJson<{ bankId: string }>(
    request,
    admin,
    `/api/exam/institutions/${institutionId}/banks`,
    {
      name: bankName,
    },
  );
  const categories: Record<string, string> = {};
  const add = async (name: string, parent?: string) => {
    const url = `/api/exam/institutions/${institutionId}/banks/${bank.bankId}/categories`;
    const created = await postJson<{ categoryId: string }>(request, admin, url, {
      name,
      ...(parent === undefined ? {} : { parentId: categories[parent] }),
    });
    categories[name] = created.categoryId;
  };
  await add('代数');
  await add('几何');
  await add('方程', '代数');
  await add('函数', '代数');
  return { admin, institutionId, bankId: bank.bankId, bankName, categories };
}

function trueFalse(stem: string, tags: string[] = []): Record<string, unknown> {
  return { type: 'true_false', stem, score: 2, difficulty: 1, answer: true, tags };
}

/** A console page reached by navigation loads its bank, questions, tags and categories: slow on a busy machine. */
const SLOW_PAGE = { timeout: 30_000 };

/** Chooses an option of the antd select that is open now (its items carry the option's label as title). */
async function chooseOption(page: Page, label: string): Promise<void> {
  await page.locator('.ant-select-dropdown:visible').getByTitle(label, { exact: true }).click();
}

test.describe('console: categories, tags, versions and deletes of a bank', () => {
  test('staff rename a category (a blank or a sibling’s name refused in words), move it, and filter and tag questions', async ({
    page,
    request,
    expectAccessible,
  }) => {
    test.setTimeout(180_000);
    const set = await bankWithCategories(request);
    const questionsUrl = `/api/exam/institutions/${set.institutionId}/banks/${set.bankId}/questions`;
    await postJson(request, set.admin, questionsUrl, trueFalse('一元一次方程只有一个解。', ['基础']));
    await postJson(request, set.admin, questionsUrl, trueFalse('函数的图像可以是一条竖直的直线。'));

    await signInAsDemoAdmin(page, `/console/${set.institutionId}/banks/${set.bankId}`);
    await expect(page.getByRole('heading', { level: 1, name: `题库：${set.bankName}` })).toBeVisible(
      SLOW_PAGE,
    );
    const tree = page.getByRole('tree', { name: '分类' });
    await tree.getByText('方程', { exact: true }).click();
    const edit = page.getByRole('region', { name: '编辑分类“方程”' });
    await edit.getByLabel('分类名称', { exact: true }).fill('  ');
    await edit.getByRole('button', { name: '保存分类' }).click();
    await expect(edit.getByText('请填写分类名称')).toBeVisible();
    await edit.getByLabel('分类名称', { exact: true }).fill('函数');
    await edit.getByRole('button', { name: '保存分类' }).click();
    await expect(edit.getByText('同一上级分类下已有名为“函数”的分类，请换一个名称')).toBeVisible();
    await expectAccessible('category rename refused');

    await edit.getByLabel('分类名称', { exact: true }).fill('一元方程');
    await edit.getByRole('button', { name: '保存分类' }).click();
    const renamed = page.getByRole('region', { name: '编辑分类“一元方程”' });
    await expect(renamed.getByRole('status')).toContainText('分类已保存。');
    await expect(tree.getByText('一元方程', { exact: true })).toBeVisible();
    await expect(tree.getByText('方程', { exact: true })).toHaveCount(0);

    // Moving: the category's own subtree is never offered; under 几何 it keeps its name.
    await renamed.getByLabel('所在位置（可移动到其他分类下）').click();
    await expect(page.locator('.ant-select-dropdown:visible').getByTitle('代数 / 一元方程')).toHaveCount(0);
    await chooseOption(page, '几何');
    await renamed.getByRole('button', { name: '保存分类' }).click();
    await expect(renamed.getByRole('status')).toContainText('分类已保存。');
    await page.getByLabel('上级分类', { exact: true }).click();
    await expect(page.locator('.ant-select-dropdown:visible').getByTitle('几何 / 一元方程')).toBeVisible();
    await page.keyboard.press('Escape');
    await expectAccessible('category renamed and moved');

    // Tags: the filter offers the bank's tags; the editor adds an existing one and a new one.
    await page.getByRole('button', { name: '显示全部试题' }).click();
    await page.getByLabel('标签', { exact: true }).click();
    await chooseOption(page, '基础');
    await page.getByRole('button', { name: '筛选', exact: true }).click();
    await expect(page.getByRole('link', { name: '一元一次方程只有一个解。' })).toBeVisible();
    await expect(page.getByRole('link', { name: '函数的图像可以是一条竖直的直线。' })).toHaveCount(0);
    await expectAccessible('questions filtered by tag');

    await page.reload();
    await page.getByRole('link', { name: '函数的图像可以是一条竖直的直线。' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '编辑试题' })).toBeVisible(SLOW_PAGE);
    const tags = page.getByLabel('标签', { exact: true });
    await tags.click();
    await chooseOption(page, '基础');
    await tags.fill('易错');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await expectAccessible('question editor with tags');
    await page.getByRole('button', { name: '保存试题' }).click();

    await expect(page.getByRole('heading', { level: 1, name: `题库：${set.bankName}` })).toBeVisible(
      SLOW_PAGE,
    );
    await page.getByLabel('标签', { exact: true }).click();
    await chooseOption(page, '易错');
    await page.getByRole('button', { name: '筛选', exact: true }).click();
    await expect(page.getByRole('link', { name: '函数的图像可以是一条竖直的直线。' })).toBeVisible();
    await expect(page.getByRole('link', { name: '一元一次方程只有一个解。' })).toHaveCount(0);
    const row = page.getByRole('row', { name: /函数的图像/ });
    await expect(row).toContainText('基础');
    await expect(row).toContainText('易错');
  });

  test('a question a published exam froze keeps its old version, readable as the candidate saw it, and cannot be deleted; an unused one can', async ({
    page,
    request,
    guard,
    expectAccessible,
  }) => {
    test.setTimeout(150_000);
    const exam = await createExam(request);
    const base = `/console/${exam.institutionId}/banks/${exam.bankId}`;
    const frozen = exam.questionIds[0] ?? '';
    await signInAsDemoAdmin(page, `${base}/questions/${frozen}`);
    await expect(page.getByRole('heading', { level: 1, name: '编辑试题' })).toBeVisible(SLOW_PAGE);
    await expect(page.getByText('已发布的考试使用了此题的当前版本')).toBeVisible();
    const versions = page.getByRole('region', { name: '版本历史' });
    await expect(versions.getByRole('row', { name: /第 1 版/ })).toContainText('当前版本');
    await page.getByLabel('题干').fill('<p>下列算法中，哪一个是非对称加密算法？</p>');
    await page.getByRole('button', { name: '保存试题' }).click();

    await expect(page.getByRole('heading', { level: 1, name: /^题库：web-e2e/ })).toBeVisible(SLOW_PAGE);
    await page.getByRole('link', { name: '下列算法中，哪一个是非对称加密算法？' }).click();
    await expect(versions.getByRole('row', { name: /第 2 版/ })).toContainText('当前版本', SLOW_PAGE);
    const first = versions.getByRole('row', { name: /第 1 版/ });
    await expect(first).toContainText('已被发布的考试使用（不再改动）');
    await expectAccessible('question with two versions');
    await first.getByRole('button', { name: '查看第 1 版' }).click();
    const old = page.getByRole('dialog', { name: '第 1 版（只读）' });
    await expect(old.getByRole('group', { name: '第 1 题', exact: true })).toContainText(
      '下列算法中，属于非对称加密算法的是？',
    );
    await expect(old.getByRole('radio', { name: 'B. RSA' })).toBeDisabled();
    await expect(old).not.toContainText('RSA 是非对称加密算法');
    await expectAccessible('older version, read only');
    await old.getByRole('button', { name: '关闭' }).click();

    guard.allowHttpError(new RegExp(`/questions/${frozen}$`), 409);
    await page.getByRole('button', { name: '删除试题' }).click();
    const confirm = page.getByRole('dialog', { name: '删除这道试题？' });
    await expect(confirm).toContainText('下列算法中，哪一个是非对称加密算法？');
    await confirm.getByRole('button', { name: '确认删除' }).click();
    await expect(
      page.getByRole('alert').filter({ hasText: '已发布的考试使用了这道题，不能删除' }),
    ).toBeVisible();
    await expect(confirm).toHaveCount(0);
    await expectAccessible('delete refused');

    const unused = await postJson<{ questionId: string }>(
      request,
      exam.admin,
      `/api/exam/institutions/${exam.institutionId}/banks/${exam.bankId}/questions`,
      trueFalse('这道题没有被任何考试使用。'),
    );
    await page.goto(`${base}/questions/${unused.questionId}`);
    await page.getByRole('button', { name: '删除试题' }).click();
    await page
      .getByRole('dialog', { name: '删除这道试题？' })
      .getByRole('button', { name: '确认删除' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: /^题库：web-e2e/ })).toBeVisible(SLOW_PAGE);
    await expect(page.getByRole('link', { name: '下列算法中，哪一个是非对称加密算法？' })).toBeVisible();
    await expect(page.getByRole('link', { name: '这道题没有被任何考试使用。' })).toHaveCount(0);
  });
});
