import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import type { Page } from '@playwright/test';

export const SCREENSHOT_DIR = join(__dirname, '..', '..', '..', '..', '.local', 'web-screenshots');

export const VIEWPORTS = {
  phone: { width: 375, height: 812 },
  desktop: { width: 1280, height: 800 },
} as const;
export type ViewportName = keyof typeof VIEWPORTS;
export type Lang = 'zh-CN' | 'en';

/** Writes `<name>.<lang>.<viewport>.png` (full page) as a test artifact. */
export async function snap(page: Page, name: string, lang: Lang, viewport: ViewportName): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.${lang}.${viewport}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** The app reads its language from this (non-personal) storage key before it first renders. */
export async function useLanguage(page: Page, lang: Lang): Promise<void> {
  await page.addInitScript((value) => {
    window.localStorage.setItem('lang', value);
  }, lang);
}
