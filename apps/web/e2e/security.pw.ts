import { randomUUID } from 'node:crypto';

import type { APIRequestContext } from '@playwright/test';

import { apiSignIn, bearer, type Candidate, createCandidate, signInThroughPage } from './support/accounts';
import { expect, test } from './support/fixtures';
import { DEMO } from './support/people';
import { candidateWithStepUp } from './support/risky-sign-in';

/** The demo seed's security analyst (scripts/seed-demo.ts). */
const ANALYST: Candidate = { login: 'demo_analyst', password: DEMO.password };

interface RaisedAlert {
  candidate: Candidate;
  userId: string;
  alertId: string;
}

/** A real alert for a fresh candidate: the step-up sign-in (score 70) is also above the alert score (40). */
async function raiseAlertForFreshCandidate(request: APIRequestContext): Promise<RaisedAlert> {
  const { candidate, userId } = await candidateWithStepUp(request, '安全测试');

  const analyst = await apiSignIn(request, ANALYST.login, ANALYST.password);
  let alertId = '';
  await expect
    .poll(
      async () => {
        const response = await request.get(`/api/audit/alerts?userId=${userId}`, {
          headers: bearer(analyst),
        });
        const items = ((await response.json()) as { items: { id: string }[] }).items;
        alertId = items[0]?.id ?? '';
        return alertId;
      },
      { timeout: 15_000, message: 'the alert about the candidate' },
    )
    .not.toBe('');
  return { candidate, userId, alertId };
}

/** Waits until accounts has applied a lock (the action travels by Kafka): the right password then says "locked". */
async function untilLocked(request: APIRequestContext, candidate: Candidate): Promise<void> {
  await expect
    .poll(
      async () => {
        const response = await request.post('/api/accounts/auth/login', {
          data: { login: candidate.login, password: candidate.password },
        });
        return ((await response.json()) as { code?: string }).code ?? `HTTP ${String(response.status())}`;
      },
      { timeout: 20_000, message: 'the account is locked' },
    )
    .toBe('AUTH.ACCOUNT_LOCKED');
}

test.describe('security console', () => {
  test('an analyst finds a fresh alert by filter, reads the evidence, locks and unlocks the account, and verifies the chain', async ({
    page,
    request,
    browser,
    expectAccessible,
  }) => {
    test.setTimeout(120_000);
    const raised = await raiseAlertForFreshCandidate(request);

    await signInThroughPage(page, ANALYST, '/security');
    await expect(page.getByRole('heading', { level: 1, name: '安全告警' })).toBeVisible();
    await expectAccessible('alert queue');

    // Filter by rule and account: ids and enums go into the address, nothing personal.
    await page.getByLabel('规则', { exact: true }).click();
    await page.getByTitle('改密后新设备登录', { exact: true }).click();
    await page.getByLabel('账号编号').fill(raised.userId);
    await page.getByRole('button', { name: '应用筛选' }).click();
    await expect(page).toHaveURL(
      new RegExp(`rule=new_device_after_credential_change.*account=${raised.userId}`),
    );
    expect(page.url()).not.toContain(encodeURIComponent(raised.candidate.login));
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: '改密后新设备登录' }) });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(/\d+ 次/);
    await expect(row).toContainText('剩余');
    // antd's lighter hover shade of a primary button is below AA: check the page, not the pointer's hover.
    await page.mouse.move(0, 0);
    await expectAccessible('filtered alert queue');

    // Assign to me from the queue.
    await row.getByRole('button', { name: /分配给我/ }).click();
    await expect(row.getByText('我', { exact: true })).toBeVisible();

    await row.getByRole('link', { name: '改密后新设备登录' }).click();
    await expect(page).toHaveURL(new RegExp(`/security/alerts/${raised.alertId}$`));
    await expect(page.getByRole('heading', { level: 1, name: '告警：改密后新设备登录' })).toBeVisible();
    // The evidence in words: which rules fired and why, the device that was new, the sign-in timeline.
    await expect(page.getByText(/密码修改后 [\d.]+ 小时内从新设备登录/).first()).toBeVisible();
    await expect(page.getByText(/从该账号此前未用过的设备登录/).first()).toBeVisible();
    await expect(page.getByText('Sign-in from a new device', { exact: false }).first()).toBeVisible();
    const timeline = page.getByRole('table').filter({ hasText: '需二次验证' });
    await expect(timeline.getByText('新设备').first()).toBeVisible();
    await expectAccessible('alert detail');

    // Lock, with a required reason; the request's result and its audit entry appear.
    await page.getByRole('button', { name: '锁定账号' }).click();
    const lockDialog = page.getByRole('dialog', { name: '锁定该账号？' });
    await lockDialog.getByRole('button', { name: '确认锁定' }).click();
    await expect(lockDialog.getByText('请选择原因')).toBeVisible();
    await lockDialog.getByLabel('原因').click();
    await page.getByTitle('疑似账号被盗', { exact: true }).click();
    await lockDialog.getByLabel('说明').fill('改密后立即出现新设备登录，疑似账号被盗，先锁定。');
    await expectAccessible('lock dialog');
    await lockDialog.getByRole('button', { name: '确认锁定' }).click();
    await expect(page.getByRole('status').filter({ hasText: '已提交锁定请求' })).toBeVisible();
    const accountLog = page.getByRole('table').filter({ hasText: '安全人员请求锁定账号' });
    await expect(accountLog).toBeVisible();
    await expectAccessible('alert detail after the lock');

    // The candidate, in another browser, is told the account is locked.
    await untilLocked(request, raised.candidate);
    const other = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const candidatePage = await other.newPage();
    await candidatePage.goto('/sign-in');
    await candidatePage.getByLabel('手机号、邮箱或用户名').fill(raised.candidate.login);
    await candidatePage.getByLabel('密码', { exact: true }).fill(raised.candidate.password);
    await candidatePage.getByRole('main').getByRole('button', { name: '登录', exact: true }).click();
    await expect(candidatePage.getByRole('alert')).toContainText('该账号已被锁定');
    await other.close();

    // Unlock, just as deliberately.
    await page.getByRole('button', { name: '解锁账号' }).click();
    const unlockDialog = page.getByRole('dialog', { name: '解锁该账号？' });
    await unlockDialog.getByLabel('原因').click();
    await page.getByTitle('误报，恢复账号', { exact: true }).click();
    await unlockDialog.getByLabel('说明').fill('已电话联系本人，确认是本人换了新电脑。');
    await unlockDialog.getByRole('button', { name: '确认解锁' }).click();
    await expect(page.getByRole('status').filter({ hasText: '已提交解锁请求' })).toBeVisible();
    await expect(page.getByRole('table').filter({ hasText: '安全人员请求解锁账号' })).toBeVisible();

    // The audit chain, verified from the audit log page.
    await page
      .getByRole('navigation', { name: '安全控制台' })
      .getByRole('link', { name: '审计日志' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: '审计日志' })).toBeVisible();
    await page.getByRole('button', { name: '校验审计链' }).click();
    await expect(page.getByText('审计链完整：没有发现篡改')).toBeVisible({ timeout: 20_000 });
    await expect(page.getByRole('table').filter({ hasText: '最近签名检查点' })).toBeVisible();
    await page.mouse.move(0, 0);
    await expectAccessible('audit log with the chain verified');
  });

  test('a candidate is refused the console, and no security API is even called', async ({
    page,
    request,
    expectAccessible,
  }) => {
    const candidate = await createCandidate(request, '考生');
    const auditCalls: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/audit/')) auditCalls.push(r.url());
    });
    await signInThroughPage(page, candidate, '/security');
    await expect(page.getByRole('heading', { level: 1, name: '无权访问' })).toBeVisible();
    await expect(page.getByRole('link', { name: '安全控制台' })).toHaveCount(0);
    await page.goto('/security/audit');
    await expect(page.getByRole('heading', { level: 1, name: '无权访问' })).toBeVisible();
    await expectAccessible('security console refused');
    expect(auditCalls).toEqual([]);
  });
});

test.describe('security console records', () => {
  test('an analyst records an incident, sees its regulator report, and searches and exports the audit log', async ({
    page,
    expectAccessible,
  }) => {
    await page.setViewportSize({ width: 375, height: 812 });
    await signInThroughPage(page, ANALYST, '/security/incidents');
    await expect(page.getByRole('heading', { level: 1, name: '个人信息安全事件' })).toBeVisible();
    await expectAccessible('incidents at 375 px');
    await page.getByRole('link', { name: '记录事件' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '记录个人信息安全事件' })).toBeVisible();
    const title = `测试事件 ${randomUUID().slice(0, 8)}`;
    await page.getByLabel('标题').fill(title);
    await page.getByLabel('经过与可能造成的危害').fill('浏览器测试：一份导出的登录日志被误发到了外部邮箱。');
    await page.getByLabel('原因', { exact: true }).fill('人工操作失误');
    await page.getByLabel('发生时间').fill('2026-03-01T08:00');
    await page.getByLabel('发现时间').fill('2026-03-01T07:00');
    await page.getByRole('checkbox', { name: '登录日志' }).check();
    await page.getByLabel('受影响人数').fill('3');
    await page.getByLabel('已采取的补救措施').fill('已要求对方删除邮件并确认。');
    await page.getByLabel('个人可采取的措施').fill('留意可疑的登录提醒。');
    await page.getByRole('button', { name: '保存事件' }).click();
    await expect(page.getByText('发现时间不能早于发生时间')).toBeVisible();
    await expectAccessible('incident form with a mistake');
    await page.getByLabel('发现时间').fill('2026-03-01T09:30');
    await page.getByRole('button', { name: '保存事件' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `事件：${title}` })).toBeVisible();
    await expect(page.getByRole('heading', { name: '监管报告' })).toBeVisible();
    await expect(page.getByText('尚未通知用户').first()).toBeVisible();
    await expectAccessible('incident detail with the regulator report');

    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto('/security/audit?type=staff.incident.recorded');
    await expect(page.getByRole('heading', { level: 1, name: '审计日志' })).toBeVisible();
    await expect(page.getByRole('table').filter({ hasText: '记录安全事件' })).toBeVisible();
    await expectAccessible('audit log search');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 CSV' }).click();
    expect((await download).suggestedFilename()).toBe('audit-log.csv');
  });
});
