import { defineConfig, devices } from '@playwright/test';

/**
 * Browser journeys against the running platform (scripts/test-web.sh starts it). Debian's Chromium, since
 * Playwright's own browser download is not reachable from these machines.
 */
const results = '../../.local';

export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.pw.ts',
  outputDir: `${results}/web-test-results`,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  // Three files at a time: most of a journey's time is waiting on the platform (an exam opening, a finaliser,
  // a deadline), not CPU; a file's tests run in order in one worker unless the file says otherwise.
  // WEB_WORKERS=1 for a quiet run.
  workers: Number(process.env.WEB_WORKERS ?? 3),
  retries: 0,
  forbidOnly: process.env.CI === 'true',
  reporter: [['list'], ['json', { outputFile: `${results}/test-results/web.json` }]],
  use: {
    baseURL: process.env.WEB_BASE_URL ?? 'http://127.0.0.1:3000',
    locale: 'zh-CN',
    // No transitions half-way through when axe-core measures colours (the app honours the preference).
    reducedMotion: 'reduce',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
});
