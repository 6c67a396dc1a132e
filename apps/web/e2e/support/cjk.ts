import type { Page } from '@playwright/test';

/**
 * The visible texts of the page's main content that hold CJK characters (ideographs, kana, CJK punctuation,
 * full-width forms), outside the elements `skip` selects (data an institution wrote in Chinese, such as other
 * exams' titles). On a page in English, anything listed is a text left untranslated.
 */
export async function cjkTextsInMain(page: Page, skip: readonly string[] = []): Promise<string[]> {
  return page.getByRole('main').evaluate((main, skipped) => {
    const cjk =
      /[\u2E80-\u2FFF\u3000-\u303F\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]|[\u{20000}-\u{2FFFF}]/u;
    const found: string[] = [];
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      const parent = node.parentElement;
      if (!cjk.test(text) || parent === null) continue;
      if (skipped.some((selector) => parent.closest(selector) !== null)) continue;
      if (parent.getClientRects().length === 0) continue; // not rendered
      found.push(text.trim());
    }
    return found;
  }, skip);
}
