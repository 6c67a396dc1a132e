import type { Page } from '@playwright/test';

import { type Candidate, createCandidate, signInThroughPage } from './support/accounts';
import { expectPdfDownload } from './support/downloads';
import { createExam } from './support/exam-factory';
import { expect, test } from './support/fixtures';
import type { PageGuard } from './support/page-guard';
import { PAY_SIM_ORIGIN, payOnSimulator } from './support/pay-sim';
import { VIEWPORTS } from './support/screens';

const PAY_SIM = new RegExp(PAY_SIM_ORIGIN.replace(/[.:/]/g, '\\$&'));

/** The simulator's page is a plain HTML page without an icon: the browser's favicon request gets a 404. */
function allowSimulatorFavicon(guard: PageGuard): void {
  guard.allowHttpError(new RegExp(`${PAY_SIM.source}/favicon\\.ico$`), 404);
}

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(VIEWPORTS.phone.width);
}

async function registerForPaidExam(page: Page, candidate: Candidate, examId: string): Promise<void> {
  await signInThroughPage(page, candidate, `/exams/${examId}`);
  await expect(page.getByText('¥88.00')).toBeVisible();
  await page.getByRole('link', { name: '立即报名' }).click();
  await expect(page.getByText('本场考试报名费 ¥88.00')).toBeVisible();
  await page.getByRole('button', { name: '提交报名并去支付' }).click();
  await expect(page).toHaveURL(/\/my\/exams\/[0-9a-f-]{36}\/payment$/);
  await expect(page.getByRole('heading', { level: 1, name: '支付报名费' })).toBeVisible();
}

test.describe('exam fee payment', () => {
  test('a candidate pays on the Alipay page, comes back to "paid, confirmed", and cancelling refunds the fee', async ({
    page,
    request,
    guard,
    expectAccessible,
  }) => {
    allowSimulatorFavicon(guard);
    // Registration closes when the exam opens: ten minutes, so a slow machine still cancels before the deadline.
    const exam = await createExam(request, { feeFen: 8_800, opensInSeconds: 600 });
    const candidate = await createCandidate(request);
    await registerForPaidExam(page, candidate, exam.examId);

    // The order is opened by the payments service shortly after registering; the page waits for it.
    await expect(page.getByRole('button', { name: '支付宝支付' })).toBeVisible({ timeout: 15_000 });
    await expect(page.getByText('待支付')).toBeVisible();
    await expectAccessible('payment pending');
    const paymentPage = page.url();

    await page.getByRole('button', { name: '支付宝支付' }).click();
    await payOnSimulator(page, '¥88.00');

    // Back at the platform: what the page shows comes from the services, not from the way back.
    await page.goto(paymentPage);
    await expect(page.getByRole('status').filter({ hasText: '支付成功，报名已确认' })).toBeVisible({
      timeout: 20_000,
    });
    await expectAccessible('payment confirmed');

    await page.getByRole('link', { name: '查看报名详情' }).click();
    await expect(page.getByRole('alert').getByText('报名成功')).toBeVisible();
    await expect(page.getByText('¥88.00 · 已支付')).toBeVisible();
    await expectPdfDownload(page, page.getByRole('button', { name: '下载准考证' }));

    await page.getByRole('button', { name: '取消报名' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('已支付的报名费 ¥88.00 将原路退回');
    await expectAccessible('cancel confirmation');
    await dialog.getByRole('button', { name: '取消报名' }).click();
    // The refund goes to the provider and settles a little later (the payments service's refund job).
    const cancelled = page.getByRole('alert').filter({ hasText: /已取消，(退款中|已退款)/ });
    await expect(cancelled).toBeVisible();
    await expect(cancelled).toContainText(/报名费 ¥88\.00 正在原路退回|报名费已原路退回/);
    await expectAccessible('cancelled, fee being refunded');

    await page.goto('/my/exams');
    await expect(
      page
        .getByRole('listitem')
        .filter({ hasText: exam.title })
        .getByText(/^已取消，(退款中|已退款)$/),
    ).toBeVisible();
  });

  test('a candidate pays by the WeChat Pay code (opened on this device) and the page shows the payment once confirmed', async ({
    page,
    request,
    guard,
    expectAccessible,
  }) => {
    allowSimulatorFavicon(guard);
    // On a phone: cards instead of tables, nothing wider than the screen.
    await page.setViewportSize(VIEWPORTS.phone);
    const exam = await createExam(request, { feeFen: 8_800 });
    const candidate = await createCandidate(request);
    await registerForPaidExam(page, candidate, exam.examId);

    await page.getByRole('button', { name: '微信支付' }).click({ timeout: 15_000 });
    await expect(page.getByRole('heading', { name: '微信扫码支付' })).toBeVisible();
    await expectAccessible('WeChat Pay code');
    await expectNoSidewaysScroll(page);
    const paymentPage = page.url();

    await page.getByRole('link', { name: '在本机打开支付页面' }).click();
    await payOnSimulator(page, '¥88.00');
    await page.goBack();
    await page.goBack();
    await expect(page).toHaveURL(paymentPage);
    await expect(page.getByRole('status').filter({ hasText: '支付成功，报名已确认' })).toBeVisible({
      timeout: 20_000,
    });

    await page.goto('/my/exams');
    const card = page.getByRole('listitem').filter({ hasText: exam.title });
    await expect(card.getByText('报名成功')).toBeVisible();
    await expect(card.getByRole('button', { name: '下载准考证' })).toBeVisible();
    await expectAccessible('my exams after paying');
    await expectNoSidewaysScroll(page);
  });
});
