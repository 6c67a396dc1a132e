import AxeBuilder from '@axe-core/playwright';
import { type BrowserContext, expect, type Page, test as base } from '@playwright/test';

import { PageGuard } from './page-guard';

export interface Fixtures {
  guard: PageGuard;
  /** Runs axe-core on the page as it is now; serious or critical violations fail the journey. */
  expectAccessible: (label: string) => Promise<void>;
  /**
   * Another browser (its own cookies and storage) for a second person in the same journey, watched by its own
   * guard like the main page; closed and checked when the journey ends.
   */
  openBrowser: () => Promise<{ page: Page; guard: PageGuard }>;
}

/** axe-core (WCAG 2.1 A and AA) on the page as it is now; serious or critical violations fail. */
export async function expectPageAccessible(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const blocking = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(blocking, `axe-core on ${label}`).toEqual([]);
}

export const test = base.extend<Fixtures>({
  // Automatic: every journey is watched, whether or not it declares an expected error.
  guard: [
    async ({ page }, use) => {
      const guard = new PageGuard(page);
      await use(guard);
      expect(
        guard.unexpected(),
        'console errors, failed requests or HTTP errors the journey did not expect',
      ).toEqual([]);
    },
    { auto: true },
  ],
  expectAccessible: async ({ page }, use) => {
    await use((label: string) => expectPageAccessible(page, label));
  },
  openBrowser: async ({ browser, baseURL, locale, timezoneId, reducedMotion }, use) => {
    const opened: { context: BrowserContext; guard: PageGuard }[] = [];
    await use(async () => {
      const context = await browser.newContext({
        ...(baseURL === undefined ? {} : { baseURL }),
        ...(locale === undefined ? {} : { locale }),
        ...(timezoneId === undefined ? {} : { timezoneId }),
        reducedMotion,
      });
      const page = await context.newPage();
      const guard = new PageGuard(page);
      opened.push({ context, guard });
      return { page, guard };
    });
    for (const { context } of opened) await context.close();
    expect(
      opened.flatMap(({ guard }) => guard.unexpected()),
      'console errors, failed requests or HTTP errors the other browsers did not expect',
    ).toEqual([]);
  },
});

export { expect };
