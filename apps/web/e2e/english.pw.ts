import type { Page } from '@playwright/test';

import { cjkTextsInMain } from './support/cjk';
import { createExam } from './support/exam-factory';
import { expect, test } from './support/fixtures';
import { latestCode } from './support/mailbox';
import { freshEmail, STRONG_PASSWORD } from './support/people';

const FORM = [
  { key: 'school', label: 'University', kind: 'text', required: true, maxLength: 100 },
  { key: 'degree', label: 'Highest degree', kind: 'select', required: false, options: ['BSc', 'MSc', 'PhD'] },
];

/** No Chinese left in the main content, apart from what `skip` selects (institutions' own data). */
async function expectNoChinese(page: Page, where: string, skip: readonly string[] = []): Promise<void> {
  expect(await cjkTextsInMain(page, skip), `Chinese texts left on ${where}`).toEqual([]);
}

test.describe('the app in English', () => {
  test('a visitor switches to English, signs up and in, browses the catalogue, reads the notice and registers, all in English; the choice survives a reload', async ({
    page,
    request,
    guard,
    expectAccessible,
  }) => {
    test.setTimeout(120_000);
    const stamp = Date.now().toString(36);
    const exam = await createExam(request, {
      title: `Web security basics ${stamp}`,
      notice: '<p>This exam was made by a browser journey.</p><p>Do not switch windows during the exam.</p>',
      registrationForm: FORM,
      // Registration closes when the exam opens: late enough for the sign-up before it.
      opensInSeconds: 600,
    });
    const email = freshEmail();

    // The default is Chinese; the header's language choice switches the whole page at once.
    await page.goto('/sign-up');
    await expect(page.getByRole('heading', { level: 1, name: '注册账号' })).toBeVisible();
    expect(await cjkTextsInMain(page), 'the detector finds the Chinese page').toContain('注册账号');
    await page.getByRole('combobox', { name: '语言' }).click();
    await page.getByTitle('English', { exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Create an account' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expectNoChinese(page, 'sign-up');
    await expectAccessible('sign-up in English');

    // A mistake first, named in English.
    await page.getByText('My email', { exact: true }).click();
    await page.getByLabel('Email', { exact: true }).fill('not-an-email');
    await page.getByRole('button', { name: 'Send me a code' }).click();
    await expect(page.getByText('Enter a valid email address')).toBeVisible();
    await expect(page.getByText('Please read and accept the privacy policy')).toBeVisible();
    await expectNoChinese(page, 'sign-up with mistakes');

    await page.getByLabel('Email', { exact: true }).fill(email);
    await page.getByLabel('Nickname').fill('Alex');
    await page.getByLabel('Password', { exact: true }).fill(STRONG_PASSWORD);
    await page.getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Send me a code' }).click();
    await expect(page.getByText(/^We sent a code to .+; it is valid for \d+ minutes\.$/)).toBeVisible();
    guard.allowHttpError(/\/api\/identity\/real-name\/me$/, 404);
    await page.getByLabel('Code').fill(await latestCode(request, email));
    await page.getByRole('button', { name: 'Finish sign-up' }).click();
    await expect(page).toHaveURL(/\/identity$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Real-name verification' })).toBeVisible();
    await expectNoChinese(page, 'real-name page');

    // The choice is kept (in localStorage, not in the account): a reload stays in English.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Real-name verification' })).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Language' })).toBeVisible();
    expect(await page.evaluate(() => window.localStorage.getItem('lang'))).toBe('en');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    await expectNoChinese(page, 'sign-in');
    await expectAccessible('sign-in in English');
    guard.allowHttpError(/\/auth\/login$/, 401);
    await page.getByLabel('Phone, email or user name').fill(email);
    await page.getByLabel('Password', { exact: true }).fill('not-the-password');
    await page.getByRole('main').getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByRole('alert')).toBeVisible();
    await expectNoChinese(page, 'sign-in refused');
    await page.getByLabel('Password', { exact: true }).fill(STRONG_PASSWORD);
    await page.getByRole('main').getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page).not.toHaveURL(/\/sign-in/);

    // The catalogue: every exam's facts in English; other journeys' exams may have Chinese titles (their data).
    await page.goto('/exams');
    await expect(page.getByRole('heading', { level: 1, name: 'Exams' })).toBeVisible();
    const card = page.getByRole('listitem').filter({ hasText: exam.title });
    await expect(card.getByText('Free')).toBeVisible();
    await expect(card.getByText(/^(99|100) seats$/)).toBeVisible();
    await expectNoChinese(page, 'the exam catalogue', ['.card-heading']);
    await expectAccessible('exam catalogue in English');

    await card.getByRole('link', { name: `Details: ${exam.title}` }).click();
    await expect(page.getByRole('heading', { level: 1, name: exam.title })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Exam notice' })).toBeVisible();
    await expect(page.getByText('Do not switch windows during the exam.')).toBeVisible();
    await expect(page.getByText('30 minutes')).toBeVisible();
    await expectNoChinese(page, 'the exam notice');
    await expectAccessible('exam notice in English');

    await page.getByRole('link', { name: 'Register now' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Register: ${exam.title}` })).toBeVisible();
    await page.getByRole('button', { name: 'Submit registration' }).click();
    await expect(page.getByText('Please fill in “University”')).toBeVisible();
    await expectNoChinese(page, 'the registration form');
    await expectAccessible('registration form in English');

    await page.getByLabel('University').fill('East China Normal University');
    await page.getByLabel('Highest degree').click();
    await page.getByTitle('MSc', { exact: true }).click();
    await page.getByRole('button', { name: 'Submit registration' }).click();
    await expect(page).toHaveURL(/\/my\/exams\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('alert').getByText('Confirmed', { exact: true })).toBeVisible();
    await expect(page.getByText('East China Normal University')).toBeVisible();
    await expectNoChinese(page, 'the registration');
    await expectAccessible('registration confirmed in English');
  });
});
