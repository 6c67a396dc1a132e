import ExcelJS from 'exceljs';

import { signInAsDemoAdmin, stamp } from './console-helpers';
import { expect, test } from './support/fixtures';

/** A workbook with the template's columns (read from the downloaded template) and these rows under them. */
async function workbookFrom(template: Buffer, rows: Record<string, string | number>[]): Promise<Buffer> {
  const source = new ExcelJS.Workbook();
  await source.xlsx.load(template as unknown as ArrayBuffer);
  const sheet = source.getWorksheet('questions') ?? source.worksheets[0];
  const header = (sheet.getRow(1).values as unknown[]).slice(1).map((v) => (typeof v === 'string' ? v : ''));
  const book = new ExcelJS.Workbook();
  const out = book.addWorksheet('questions');
  out.addRow(header);
  for (const row of rows) out.addRow(header.map((name) => row[name] ?? ''));
  return Buffer.from(await book.xlsx.writeBuffer());
}

const question = (n: number) => ({
  type: 'single',
  stem: `第 ${String(n)} 题：以下哪一项是对称加密算法？`,
  score: 2,
  difficulty: 2,
  category: '网络安全/密码学',
  tags: '加密',
  answer: 'A',
  option_A: 'AES',
  option_B: 'RSA',
  option_C: 'ECC',
});

test.describe('console: authoring a bank, a draw paper and an exam', () => {
  test('demo_org_admin imports a bank from .xlsx, makes a draw paper and an exam with settings, and publishes it', async ({
    page,
    guard,
    expectAccessible,
  }) => {
    test.setTimeout(180_000);
    const id = stamp();
    const bankName = `密码学题库 ${id}`;
    await signInAsDemoAdmin(page, '/console');
    await expect(page.getByRole('heading', { level: 1, name: '考试' })).toBeVisible();
    const institutionId = /\/console\/([^/]+)\//.exec(page.url())?.[1] ?? '';
    const menu = page.getByRole('navigation', { name: '机构管理菜单' });

    // A new bank.
    await menu.getByRole('link', { name: '题库' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '题库' })).toBeVisible();
    await page.getByLabel('题库名称').fill(bankName);
    await page.getByRole('button', { name: '创建题库' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `题库：${bankName}` })).toBeVisible();
    await expectAccessible('empty bank');

    // The template through the page, filled in the test: six good rows and one with an impossible answer.
    await page.getByRole('tab', { name: 'Excel 导入' }).click();
    const templateDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载导入模板' }).click();
    const template = await (await templateDownload).createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of template) chunks.push(chunk as Buffer);
    const good = [1, 2, 3, 4, 5, 6].map(question);
    const templateBytes = Buffer.concat(chunks);
    const bad = await workbookFrom(templateBytes, [
      ...good.slice(0, 3),
      { ...question(7), answer: 'Z' },
      ...good.slice(3),
    ]);

    guard.allowHttpError(/\/import\/xlsx$/, 400);
    await page.getByLabel('选择要导入的 Excel 文件（.xlsx）').setInputFiles({
      name: 'questions.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: bad,
    });
    await page.getByRole('button', { name: '开始导入' }).click();
    await expect(page.getByRole('progressbar', { name: '导入进度' })).toBeVisible();
    await expect(page.getByRole('alert')).toContainText('本次没有导入任何题目');
    const report = page.getByRole('table').filter({ hasText: '行号' });
    await expect(report.getByRole('row').filter({ hasText: /^5/ })).toContainText('答案须为正确选项的字母');
    await expectAccessible('import row error report');

    await page.getByLabel('选择要导入的 Excel 文件（.xlsx）').setInputFiles({
      name: 'questions.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await workbookFrom(templateBytes, good),
    });
    await page.getByRole('button', { name: '开始导入' }).click();
    await expect(page.getByText('已导入 6 道试题，新建 2 个分类。')).toBeVisible();
    await page.getByRole('tab', { name: /试题/ }).click();
    await expect(page.getByRole('link', { name: /第 1 题：以下哪一项是对称加密算法/ })).toBeVisible();
    await expect(page.getByRole('link', { name: /^第 \d 题/ })).toHaveCount(6);
    await expect(page.getByRole('tree', { name: '分类' })).toContainText('密码学');
    await expectAccessible('bank with imported questions');

    // A draw paper: ten questions asked of a pool of six first.
    await menu.getByRole('link', { name: '试卷' }).click();
    await page.getByRole('link', { name: '新建试卷' }).click();
    const paperTitle = `随机卷 ${id}`;
    await page.getByLabel('试卷名称').fill(paperTitle);
    await page.getByLabel('题库', { exact: true }).fill(bankName);
    await page.keyboard.press('Enter');
    await page.getByRole('radio', { name: '随机抽题' }).check();
    await page.getByRole('button', { name: '为第 1 部分添加抽题规则' }).click();
    await page.getByLabel('第 1 部分第 1 条规则抽题数量').fill('10');
    await page.getByLabel('第 1 部分第 1 条规则每题分值').fill('2');
    await expect(page.getByText('按题库现有试题，以下抽题规则无法满足')).toBeVisible();
    guard.allowHttpError(/\/papers$/, 422);
    await page.getByRole('button', { name: '创建试卷' }).click();
    await expect(page.getByRole('alert').filter({ hasText: '符合抽题条件的题目不够' })).toBeVisible();
    await expect(page.locator('#paper_sections_0_draws_0_count_help')).toContainText(
      '需要抽取 10 道题，题库中符合条件的只有 6 道',
    );
    await expectAccessible('draw paper with a pool too small');
    await page.getByLabel('第 1 部分第 1 条规则抽题数量').fill('5');
    await page.getByRole('button', { name: '创建试卷' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '编辑试卷' })).toBeVisible();
    await expect(page.getByText('总分：10')).toBeVisible();
    await page.getByRole('button', { name: '预览试卷' }).click();
    await expect(page.getByRole('group', { name: /第 1\.5 题/ })).toBeVisible();
    await expectAccessible('paper preview');

    // An exam on it: a duration longer than its window first.
    await menu.getByRole('link', { name: '考试' }).click();
    await page.getByRole('link', { name: '新建考试' }).click();
    const examTitle = `密码学测验 ${id}`;
    await page.getByLabel('考试名称').fill(examTitle);
    await page.getByLabel('试卷', { exact: true }).fill(paperTitle);
    await page.keyboard.press('Enter');
    await page.getByLabel('答题时长（分钟）').fill('300');
    await page.getByLabel('在线考试链接').fill('https://exam.example.com/crypto');
    await page.getByRole('switch', { name: '报名需人工审核' }).click();
    await page.getByRole('switch', { name: '要求全屏作答' }).click();
    await page.getByLabel('报名费（元）').fill('0');
    await page.getByLabel('及格分').fill('6');
    await page.getByRole('button', { name: '添加报名表字段' }).click();
    await page.getByLabel('字段名称').fill('工作单位');
    await page.getByLabel('字段标识').fill('employer');
    await expectAccessible('new exam form');
    guard.allowHttpError(/\/exams$/, 400);
    await page.getByRole('button', { name: '创建考试' }).click();
    await expect(page.locator('#exam_settings_durationMinutes_help')).toContainText(
      '答题时长不能超过开考到结束之间的 120 分钟',
    );
    await expectAccessible('exam settings refused');
    await page.getByLabel('答题时长（分钟）').fill('90');
    await page.getByRole('button', { name: '创建考试' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '编辑考试' })).toBeVisible();
    await expect(page.getByText('草稿')).toBeVisible();

    await page.getByRole('button', { name: '发布考试' }).click();
    await page.getByRole('tooltip').getByRole('button', { name: '发布考试' }).click();
    await expect(page.getByText('已发布')).toBeVisible();
    await expectAccessible('published exam');
    await menu.getByRole('link', { name: '考试' }).click();
    await expect(page.getByRole('row').filter({ hasText: examTitle })).toContainText('已发布');
    expect(institutionId).not.toBe('');
  });
});
