import { randomInt } from 'node:crypto';

import { apiSignIn, bearer, demoOrgAdmin, signInThroughPage } from './support/accounts';
import { institutionOf } from './support/exam-factory';
import { expect, test } from './support/fixtures';
import { beijingDay, beijingToday, paidCourseOrder } from './support/paid-orders';
import { PAY_SIM_ORIGIN } from './support/pay-sim';
import { DEMO } from './support/people';

const ADMIN = { login: DEMO.orgAdmin, password: DEMO.password };
const PLATFORM_ADMIN = { login: DEMO.platformAdmin, password: DEMO.password };

test.describe('institution console: refund approval, payment report, statement mismatches', () => {
  test('a colleague’s large refund waits for the administrator, who approves it and sees it in the report', async ({
    page,
    request,
    expectAccessible,
  }) => {
    const admin = await demoOrgAdmin(request);
    const institutionId = institutionOf(admin);
    const settingsUrl = `/api/payments/institutions/${institutionId}/payment-settings`;
    const before = (await (await request.get(settingsUrl, { headers: bearer(admin) })).json()) as {
      refundApprovalThresholdFen: number | null;
    };
    // Every staff refund above 1 yuan needs approval for this journey; the setting is put back at the end.
    const set = await request.put(settingsUrl, {
      headers: bearer(admin),
      data: { refundApprovalThresholdFen: 100 },
    });
    expect(set.ok(), await set.text()).toBe(true);
    try {
      const order = await paidCourseOrder(request, admin, institutionId, 880);
      const staff = await apiSignIn(request, 'demo_org_staff', DEMO.password);
      const refund = await request.post(
        `/api/payments/institutions/${institutionId}/orders/${order.orderId}/refunds`,
        {
          headers: bearer(staff),
          data: { amountFen: 300, reason: '学员申请退部分课时', idempotencyKey: `web-${Date.now()}` },
        },
      );
      expect(refund.ok(), await refund.text()).toBe(true);
      expect(((await refund.json()) as { status: string }).status).toBe('pending_approval');

      await signInThroughPage(page, ADMIN, `/console/${institutionId}/payments`);
      await page.getByRole('link', { name: '退款审批与设置' }).click();
      await expect(page.getByRole('heading', { level: 1, name: '退款审批与设置' })).toBeVisible();
      const row = page.getByRole('row', { name: /学员申请退部分课时/ });
      await expect(row).toContainText('¥3.00');
      await expectAccessible('payments: refunds awaiting approval');
      // Rejecting needs a reason: the empty one is named on the form, and nothing is sent.
      await row.getByRole('button', { name: '驳回' }).click();
      const dialog = page.getByRole('dialog', { name: /驳回退款/ });
      await dialog.getByRole('button', { name: '确认驳回' }).click();
      await expect(dialog.getByText('请填写驳回原因（不超过 200 个字）')).toBeVisible();
      await dialog.getByRole('button', { name: /取\s*消/ }).click();
      await row.getByRole('button', { name: '批准' }).click();
      await page.getByRole('tooltip').getByRole('button', { name: '批准' }).click();
      await expect(page.getByRole('status').filter({ hasText: '已批准退款 ¥3.00' })).toBeVisible();
      await expect(page.getByRole('row', { name: /学员申请退部分课时/ })).toHaveCount(0);

      await page.goto(`/console/${institutionId}/payments/orders/${order.orderId}`);
      await expect(page.getByRole('heading', { level: 2, name: '状态记录' })).toBeVisible();
      await expect(page.getByText('学员申请退部分课时').first()).toBeVisible();

      await page.goto(`/console/${institutionId}/payments/report`);
      await expect(page.getByRole('heading', { level: 1, name: '收支报表' })).toBeVisible();
      // A range that ends before it starts is named in words.
      await page.getByLabel('开始日期').fill(beijingToday());
      await page.getByLabel('结束日期').fill('2020-01-01');
      await page.getByRole('button', { name: '查看报表' }).click();
      await expect(page.getByText('开始日期不能晚于结束日期')).toBeVisible();
      await page.getByLabel('结束日期').fill(beijingToday());
      await page.getByRole('button', { name: '查看报表' }).click();
      await expect(page.getByRole('row', { name: new RegExp(order.title) })).toContainText('¥8.80');
      await expectAccessible('payments: report');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: '下载 Excel（.xlsx）' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    } finally {
      await request.put(settingsUrl, {
        headers: bearer(admin),
        data: { refundApprovalThresholdFen: before.refundApprovalThresholdFen },
      });
    }
  });

  test('a statement that disagrees with the platform shows as a mismatch, which the administrator resolves with a note', async ({
    page,
    request,
    expectAccessible,
  }) => {
    const admin = await demoOrgAdmin(request);
    const institutionId = institutionOf(admin);
    const order = await paidCourseOrder(request, admin, institutionId, 1250);
    // WeChat Pay's statement will say 12.00 for this order, which the platform recorded as 12.50.
    const planted = await request.post(`${PAY_SIM_ORIGIN}/sim/statement`, {
      data: { provider: 'wechat', kind: 'amount', outTradeNo: order.outTradeNo, amountFen: 1200 },
    });
    expect(planted.ok(), await planted.text()).toBe(true);
    try {
      const platformAdmin = await apiSignIn(request, DEMO.platformAdmin, DEMO.password);
      const run = await request.post('/api/payments/statement-runs', {
        headers: bearer(platformAdmin),
        data: { provider: 'wechat', date: beijingToday() },
      });
      expect(run.ok(), await run.text()).toBe(true);
    } finally {
      await request.delete(`${PAY_SIM_ORIGIN}/sim/statement`);
    }

    await signInThroughPage(page, ADMIN, `/console/${institutionId}/payments`);
    await page.getByRole('link', { name: '对账差异' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '对账差异' })).toBeVisible();
    const row = page.getByRole('row', { name: new RegExp(order.outTradeNo) });
    await expect(row).toContainText('支付金额不一致');
    await expect(row).toContainText('¥12.50');
    await expect(row).toContainText('¥12.00');
    await expectAccessible('payments: statement mismatches');
    await row.getByRole('button', { name: '标记已处理' }).click();
    const dialog = page.getByRole('dialog', { name: '标记差异已处理' });
    await dialog.getByRole('button', { name: '确认已处理' }).click();
    await expect(dialog.getByText('请填写处理说明')).toBeVisible();
    await dialog.getByLabel('处理说明').fill('已向微信支付核实，按 12.50 元到账，对账单有误');
    await dialog.getByRole('button', { name: '确认已处理' }).click();
    await expect(page.getByRole('status').filter({ hasText: '已标记为已处理' })).toBeVisible();
    // Open mismatches are listed by default: the resolved one leaves the list and shows under "resolved".
    await expect(page.getByRole('row', { name: new RegExp(order.outTradeNo) })).toHaveCount(0);
    await page.goto(`/console/${institutionId}/payments/statements?status=resolved`);
    await expect(page.getByRole('row', { name: new RegExp(order.outTradeNo) })).toContainText(
      '按 12.50 元到账',
    );
    await expectAccessible('payments: resolved statement mismatches');
  });
});

test.describe('platform console: provider statements', () => {
  test('a platform administrator is refused a future day in words, runs today’s WeChat Pay statement and sees the trade that matches no order', async ({
    page,
    request,
    expectAccessible,
  }) => {
    test.setTimeout(90_000);
    // A trade on WeChat Pay's statement that no order of the platform has; its amount tells it apart.
    const amountFen = randomInt(1_000, 10_000);
    const shown = `¥${(amountFen / 100).toFixed(2)}`;
    const planted = await request.post(`${PAY_SIM_ORIGIN}/sim/statement`, {
      data: { provider: 'wechat', kind: 'extra_trade', amountFen },
    });
    expect(planted.ok(), await planted.text()).toBe(true);
    try {
      await signInThroughPage(page, PLATFORM_ADMIN, '/security');
      await page
        .getByRole('navigation', { name: '安全控制台' })
        .getByRole('link', { name: '渠道对账' })
        .click();
      await expect(page.getByRole('heading', { level: 1, name: '渠道对账' })).toBeVisible();
      await expectAccessible('provider statements');

      const form = page.locator('form#statementRun');
      await form.getByLabel('对账日期').fill(beijingDay(1));
      await form.getByRole('button', { name: '运行对账' }).click();
      await expect(
        form.getByText(`不能对账未来的日期：渠道只有今天（${beijingToday()}）及以前的对账单`),
      ).toBeVisible();
      await expectAccessible('provider statements: a future day refused');

      await form.getByLabel('对账日期').fill(beijingToday());
      await form.getByRole('button', { name: '运行对账' }).click();
      await expect(
        page.getByRole('status').filter({ hasText: `微信支付 ${beijingToday()} 对账完成` }),
      ).toBeVisible({
        timeout: 45_000,
      });
      const runs = page.getByRole('region', { name: '对账记录' });
      await expect(runs.getByRole('row', { name: /微信支付/ })).toContainText('已完成');
      await expect(runs.getByRole('row', { name: /微信支付/ })).toContainText('平台管理员');
      const unowned = page.getByRole('region', { name: '对应不到订单的渠道交易' });
      const trade = unowned.getByRole('row').filter({ hasText: shown });
      await expect(trade).toContainText('渠道有、平台无的支付');
      await expect(trade).toContainText('待处理');
      await expectAccessible('provider statements: today compared');
    } finally {
      await request.delete(`${PAY_SIM_ORIGIN}/sim/statement`);
    }
  });

  test('an institution administrator has no provider statements page, and the API refuses them too', async ({
    page,
    request,
  }) => {
    await signInThroughPage(page, ADMIN, '/security/statements');
    await expect(page.getByRole('heading', { level: 1, name: '无权访问' })).toBeVisible();
    const admin = await demoOrgAdmin(request);
    const refused = await request.get(`/api/payments/statement-runs?date=${beijingToday()}`, {
      headers: bearer(admin),
    });
    expect(refused.status()).toBe(403);
  });
});
