import type { Browser, Page } from '@playwright/test';

import { createCandidate, signInThroughPage } from './support/accounts';
import { createExam } from './support/exam-factory';
import { expect, expectPageAccessible, test } from './support/fixtures';
import { PageGuard } from './support/page-guard';
import { DEMO } from './support/people';
import { type Lang, snap, useLanguage, type ViewportName, VIEWPORTS } from './support/screens';

type Who = 'visitor' | 'candidate' | 'orgAdmin' | 'analyst';

interface Shot {
  name: string;
  path: string;
  who: Who;
}

/** Every main page, as the person who uses it; written to .local/web-screenshots/<name>.<lang>.<viewport>.png. */
const SHOTS: Shot[] = [
  { name: 'home-visitor', path: '/', who: 'visitor' },
  { name: 'sign-in', path: '/sign-in', who: 'visitor' },
  { name: 'sign-up', path: '/sign-up', who: 'visitor' },
  { name: 'forgot-password', path: '/forgot-password', who: 'visitor' },
  { name: 'privacy-policy', path: '/privacy/policy', who: 'visitor' },
  { name: 'status', path: '/status', who: 'visitor' },
  { name: 'home-candidate', path: '/', who: 'candidate' },
  { name: 'identity', path: '/identity', who: 'candidate' },
  { name: 'exams', path: '/exams', who: 'candidate' },
  { name: 'exam-detail', path: '/exams/{exam}', who: 'candidate' },
  { name: 'my-exams', path: '/my/exams', who: 'candidate' },
  { name: 'exam-room', path: '/exam-room/{exam}', who: 'candidate' },
  { name: 'privacy-centre', path: '/privacy', who: 'candidate' },
  { name: 'account', path: '/account', who: 'candidate' },
  { name: 'console', path: '/console', who: 'orgAdmin' },
  { name: 'security-alerts', path: '/security', who: 'analyst' },
  { name: 'security-audit', path: '/security/audit', who: 'analyst' },
];

const LANGS: Lang[] = ['zh-CN', 'en'];
const SIZES: ViewportName[] = ['desktop', 'phone'];

async function pageAs(
  browser: Browser,
  who: Who,
  lang: Lang,
  size: ViewportName,
  login?: Credentials,
): Promise<Page> {
  const context = await browser.newContext({
    viewport: VIEWPORTS[size],
    locale: lang,
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  await useLanguage(page, lang);
  if (who !== 'visitor' && login) await signInThroughPage(page, login);
  return page;
}

interface Credentials {
  login: string;
  password: string;
}

test.describe('screenshots of every main page, in Chinese and English, on a phone and a desktop', () => {
  // One test per language and size, run side by side when there are workers for them.
  test.describe.configure({ mode: 'parallel' });

  for (const lang of LANGS) {
    for (const size of SIZES) {
      test(`main pages in ${lang} on a ${size}, each passing axe-core`, async ({ browser, request }) => {
        test.setTimeout(240_000);
        const candidate = await createCandidate(request, '截图考生');
        const exam = await createExam(request, { practice: true, title: '信息安全基础（练习）' });
        const logins: Record<Exclude<Who, 'visitor'>, Credentials> = {
          candidate,
          orgAdmin: { login: DEMO.orgAdmin, password: DEMO.password },
          analyst: { login: 'demo_analyst', password: DEMO.password },
        };
        const pages = new Map<Who, Page>();
        const guards: PageGuard[] = [];
        for (const shot of SHOTS) {
          let page = pages.get(shot.who);
          if (!page) {
            page = await pageAs(
              browser,
              shot.who,
              lang,
              size,
              shot.who === 'visitor' ? undefined : logins[shot.who],
            );
            const guard = new PageGuard(page);
            // The real-name page of a candidate who has not verified yet: its status answers 404.
            guard.allowHttpError(/\/api\/identity\/real-name\/me$/, 404);
            guards.push(guard);
            pages.set(shot.who, page);
          }
          await page.goto(shot.path.replace('{exam}', exam.examId));
          await expect(page.locator('h1').first()).toBeVisible();
          await expect(page.locator('.ant-spin-spinning')).toHaveCount(0);
          await snap(page, shot.name, lang, size);
          // axe-core once per page in each language (Chinese on the desktop, English on the phone): the
          // journeys check the states in between.
          if ((lang === 'zh-CN') === (size === 'desktop')) {
            await expectPageAccessible(page, `${shot.name} (${lang}, ${size})`);
          }
        }
        for (const page of pages.values()) await page.context().close();
        expect(guards.flatMap((g) => g.unexpected())).toEqual([]);
      });
    }
  }
});
