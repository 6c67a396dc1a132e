import type { Page } from '@playwright/test';

import { checkCharacterOf } from '../src/features/identity/id-number-rules';
import { eraseAccount, registerAccount, signInOnPage } from './support/face-accounts';
import { expect, test } from './support/fixtures';

/**
 * The authority simulator's child under 14 and the adult registered as his guardian
 * (apps/authority-sim/CONTRACT.md § Test persons). The child's card is valid until 2029-05-01.
 */
const CHILD = {
  name: '王小明',
  idNumber: withCheck('11010820160501789'),
  validFrom: '2024-05-01',
  validTo: '2029-05-01',
};
const GUARDIAN = { name: '王大明', idNumber: withCheck('11010819850301891') };

function withCheck(first17: string): string {
  return `${first17}${checkCharacterOf(first17)}`;
}

async function fillChild(page: Page): Promise<void> {
  await page.getByLabel('姓名', { exact: true }).fill(CHILD.name);
  await page.getByLabel('身份证号码', { exact: true }).fill(CHILD.idNumber);
  await page.getByLabel('有效期起始日期').fill(CHILD.validFrom);
  await page.getByLabel('有效期截止日期').fill(CHILD.validTo);
}

async function fillGuardian(page: Page, name: string, idNumber: string): Promise<void> {
  const consent = page.getByRole('group', { name: '监护人同意' });
  await consent.getByLabel('监护人姓名').fill(name);
  await consent.getByLabel('监护人身份证号码').fill(idNumber);
  await consent.getByRole('radio', { name: '父亲' }).check();
}

test.describe('real-name verification of a child under 14', () => {
  test('a child’s ID number asks for the guardian’s consent; a wrong guardian is refused in words, the right one verifies the child as a minor', async ({
    page,
    request,
    guard,
    expectAccessible,
  }) => {
    test.setTimeout(120_000);
    const account = await registerAccount(request);
    guard.allowHttpError(/\/api\/identity\/real-name\/me$/, 404);
    guard.allowHttpError(/\/api\/identity\/real-name\/verifications$/, 422);
    await signInOnPage(page, account, '/identity');
    try {
      await expect(page.getByText('您尚未完成实名认证')).toBeVisible();
      const consent = page.getByRole('group', { name: '监护人同意' });
      await expect(consent).toBeHidden();

      // The birth date in the number says under 14: the guardian's step opens before anything is sent.
      await fillChild(page);
      await expect(consent).toBeVisible();
      await expect(consent).toContainText('未满 14 周岁的未成年人进行实名认证，需先由其父母或其他监护人同意');
      await expectAccessible('identity: guardian consent asked');

      // Nothing of the guardian yet: each missing field is named on the form, and nothing is sent.
      let sent = 0;
      page.on('request', (r) => {
        if (r.url().endsWith('/api/identity/real-name/verifications')) sent += 1;
      });
      await page.getByRole('button', { name: '提交认证' }).click();
      await expect(consent.getByText('请输入与身份证一致的姓名')).toBeVisible();
      await expect(consent.getByText('请选择监护人与认证人的关系')).toBeVisible();
      expect(sent).toBe(0);

      // The mistake: the guardian's name mistyped. The authority does not confirm it, and the page says so.
      await fillGuardian(page, '王二明', GUARDIAN.idNumber);
      await page.getByRole('button', { name: '提交认证' }).click();
      const refusal = page.locator('[data-error-code="IDENTITY.GUARDIAN_VERIFICATION_FAILED"]');
      await expect(refusal).toContainText('监护人信息未通过核验，请对照监护人的身份证核对。');
      await expect(page.getByText('您尚未完成实名认证')).toBeVisible();
      expect(sent).toBe(1);
      await expectAccessible('identity: guardian not verified');

      // Corrected: the guardian is verified, the consent recorded, and the child verified as a minor.
      await consent.getByLabel('监护人姓名').fill(GUARDIAN.name);
      await page.getByRole('button', { name: '提交认证' }).click();
      await expect(page.getByRole('heading', { name: '认证信息' })).toBeVisible({ timeout: 20_000 });
      await expect(page.getByText('已实名')).toBeVisible();
      await expect(page.getByText('未成年人')).toBeVisible();
      const body = page.locator('body');
      await expect(body).not.toContainText(CHILD.idNumber);
      await expect(body).not.toContainText(GUARDIAN.idNumber);
      await expect(body).not.toContainText(GUARDIAN.name);
      await expectAccessible('identity: minor verified');
    } finally {
      // Frees the child's number (and the consent) for the next run.
      await eraseAccount(page, account);
    }
  });
});
