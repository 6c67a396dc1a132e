import { randomInt } from 'node:crypto';

import type { Page } from '@playwright/test';

import { stamp } from './console-helpers';
import { type Candidate, signInThroughPage } from './support/accounts';
import { expectPdfDownload, samplePdf } from './support/downloads';
import { expect, test } from './support/fixtures';
import { beijingToday, paidExamRegistration } from './support/paid-orders';
import { DEMO } from './support/people';

const STAFF: Candidate = { login: DEMO.orgAdmin, password: DEMO.password };
/** A published unified social credit code (its check character holds). */
const TAX_ID = '91350100M000100Y43';

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
}

test.describe('invoices (发票)', () => {
  test('a buyer asks for a company invoice (a mistyped code named by its character first), staff issue it with the PDF (a non-PDF refused), and the buyer downloads it', async ({
    page,
    request,
    expectAccessible,
  }) => {
    test.setTimeout(120_000);
    const paid = await paidExamRegistration(request, 6_600);
    const company = `浏览器测试有限公司 ${stamp()}`;
    const registrationPage = `/my/exams/${paid.registrationId}`;

    await signInThroughPage(page, paid.candidate, registrationPage);
    const invoice = page.getByRole('region', { name: '发票', exact: true });
    await invoice.getByRole('radio', { name: '单位' }).check();
    await invoice.getByLabel('单位名称').fill(company);
    // The letter I is not in the code's charset (it reads like 1): the message says which character and where.
    await invoice.getByLabel('统一社会信用代码（税号）').fill(`${TAX_ID.slice(0, 15)}I${TAX_ID.slice(16)}`);
    await invoice.getByLabel('接收发票的电子邮箱').fill('finance@example.com');
    await invoice.getByRole('button', { name: '申请开票' }).click();
    await expect(invoice.getByText('第 16 位的“I”不能出现在统一社会信用代码中')).toBeVisible();
    await expectAccessible('invoice request: a wrong character named');
    await invoice.getByLabel('统一社会信用代码（税号）').fill(TAX_ID);
    await invoice.getByRole('button', { name: '申请开票' }).click();
    await expect(invoice.getByText('已提交开票申请，机构开具后可在此下载。')).toBeVisible();
    await expect(invoice).toContainText('¥66.00');
    await expectAccessible('invoice requested');

    await signOut(page);
    await signInThroughPage(page, STAFF, `/console/${paid.institutionId}/invoices`);
    await expect(page.getByRole('heading', { level: 1, name: '发票申请' })).toBeVisible();
    const row = page.getByRole('row').filter({ hasText: company });
    await expect(row).toContainText(TAX_ID);
    await expect(row).toContainText('待开具');
    await row.getByRole('button', { name: '开具' }).click();
    const dialog = page.getByRole('dialog', { name: '开具发票' });
    const invoiceNo = `${Date.now()}${randomInt(100_000, 1_000_000)}`.slice(0, 20);
    await dialog.getByLabel('发票号码').fill(invoiceNo);
    // Dated by the Beijing calendar, as staff in China date an invoice (a day ahead of UTC from 16:00 UTC on).
    await dialog.getByLabel('开票日期').fill(beijingToday());
    await dialog.getByLabel('发票 PDF（不超过 512 KB）').setInputFiles({
      name: 'invoice.png',
      mimeType: 'image/png',
      buffer: Buffer.from('\u0089PNG\r\n\u001a\n not an invoice', 'latin1'),
    });
    await expect(dialog.getByText('请选择 PDF 文件（以 %PDF- 开头，不超过 512 KB）')).toBeVisible();
    await expectAccessible('issuing: a non-PDF refused');
    await dialog.getByLabel('发票 PDF（不超过 512 KB）').setInputFiles({
      name: 'invoice.pdf',
      mimeType: 'application/pdf',
      buffer: samplePdf(`Invoice ${invoiceNo}`),
    });
    await expect(dialog.getByText('请选择 PDF 文件（以 %PDF- 开头，不超过 512 KB）')).toHaveCount(0);
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await expect(dialog).toHaveCount(0);
    // Issued requests leave the default list of those waiting; they show under "issued" with their number.
    await expect(page.getByRole('row').filter({ hasText: company })).toHaveCount(0);
    await page.getByLabel('状态', { exact: true }).click();
    await page.locator('.ant-select-dropdown:visible').getByTitle('已开具', { exact: true }).click();
    const issued = page.getByRole('row').filter({ hasText: company });
    await expect(issued).toContainText(invoiceNo);
    await expect(issued).toContainText('已开具');
    await expectAccessible('invoice issued');

    await signOut(page);
    await signInThroughPage(page, paid.candidate, registrationPage);
    await expect(invoice).toContainText(invoiceNo);
    await expect(invoice).toContainText('已开具');
    await expectPdfDownload(page, invoice.getByRole('button', { name: '下载发票（PDF）' }));
    await expectAccessible('invoice ready to download');
  });
});
