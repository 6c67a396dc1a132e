import { expect, type Page } from '@playwright/test';

/** The provider simulator's pay page (apps/pay-sim): what it shows and its one button. */
export const PAY_SIM_ORIGIN = process.env.PAY_SIM_URL ?? 'http://127.0.0.1:3101';

/** Pays on the simulator's page the browser is on, as the person would, and waits for its answer. */
export async function payOnSimulator(page: Page, amount: string): Promise<void> {
  await expect(page).toHaveURL(new RegExp(`^${PAY_SIM_ORIGIN.replace(/[.:/]/g, '\\$&')}/`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText('(simulator)');
  await expect(page.getByText(amount, { exact: true })).toBeVisible();
  await page.getByRole('button', { name: `Pay ${amount}` }).click();
  // The simulator answers the form post with its JSON receipt.
  await expect(page.locator('body')).toContainText('"status":"paid"');
}
