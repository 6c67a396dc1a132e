import type { APIRequestContext, Page } from '@playwright/test';

import { checkCharacterOf } from '../src/features/identity/id-number-rules';
import { apiToken, eraseAccount, registerAccount, signInOnPage } from './support/face-accounts';
import {
  faceBase64,
  followPrompts,
  installFakeCamera,
  MOVES,
  type Moves,
  requireFaces,
  setFakeFace,
} from './support/fake-camera';
import { expect, test } from './support/fixtures';

interface Person {
  name: string;
  idNumber: string;
  validFrom: string;
  validTo: string;
  /** Photos of this person for the movements (the simulator's photo label). */
  moves: Moves;
}

/**
 * Persons of the authority simulator's register with a photo (apps/authority-sim/CONTRACT.md § Test persons).
 * An ID number can be verified on one account at a time, so a journey takes the first one that is free and
 * cancels its account at the end, which frees the number again.
 */
const WANG_DAMING: Person = {
  name: '王大明',
  idNumber: withCheck('11010819850301891'),
  validFrom: '2015-03-01',
  validTo: '2035-03-01',
  moves: MOVES.sheldon,
};
const JITIAN_CHUN: Person = {
  name: '𠮷田春',
  idNumber: withCheck('44030519880808456'),
  validFrom: '2016-08-08',
  validTo: '2036-08-08',
  moves: MOVES.penny,
};
const AYIGULI: Person = {
  name: '阿依古丽·买买提',
  idNumber: withCheck('65010219920101345'),
  validFrom: '2018-01-01',
  validTo: '2038-01-01',
  moves: MOVES.sheldon, // amy's photos turn one way only; never used as this person's own face here
};

function withCheck(first17: string): string {
  return `${first17}${checkCharacterOf(first17)}`;
}

function wrongCheckDigit(idNumber: string): string {
  const last = idNumber.slice(-1);
  return `${idNumber.slice(0, 17)}${last === '1' ? '2' : '1'}`;
}

async function fillRealName(page: Page, person: Person, idNumber = person.idNumber): Promise<void> {
  await page.getByLabel('姓名', { exact: true }).fill(person.name);
  await page.getByLabel('身份证号码', { exact: true }).fill(idNumber);
  await page.getByLabel('有效期起始日期').fill(person.validFrom);
  await page.getByLabel('有效期截止日期').fill(person.validTo);
  await page.getByRole('button', { name: '提交认证' }).click();
}

test.describe('real-name verification with the face step', () => {
  test.beforeEach(() => {
    requireFaces();
  });

  test('a new candidate corrects a mistyped ID number, is verified, passes the face step, and sees only masked data', async ({
    page,
    request,
    guard,
    expectAccessible,
  }) => {
    test.setTimeout(150_000);
    const account = await registerAccount(request);
    await installFakeCamera(page);
    guard.allowHttpError(/\/api\/identity\/real-name\/me$/, 404);
    guard.allowHttpError(/\/api\/identity\/real-name\/verifications$/, 409);
    await signInOnPage(page, account, '/identity');
    try {
      await expect(page.getByRole('heading', { level: 1, name: '实名认证' })).toBeVisible();
      await expect(page.getByText('您尚未完成实名认证')).toBeVisible();
      await expectAccessible('identity: not verified');

      // A typo in one digit: the form names the check digit before anything is sent.
      await fillRealName(page, WANG_DAMING, wrongCheckDigit(WANG_DAMING.idNumber));
      await expect(page.getByText('最后一位校验位与前 17 位不符')).toBeVisible();
      await expectAccessible('identity: a wrong check digit');

      const person = await verifyFirstFreePerson(page, [WANG_DAMING, JITIAN_CHUN]);
      await expect(page.getByRole('heading', { name: '认证信息' })).toBeVisible();
      await expect(page.getByText('已实名')).toBeVisible();
      const main = page.locator('body');
      await expect(main).toContainText(/\*/); // masked as the service returns it
      await expect(main).not.toContainText(person.idNumber);
      await expect(main).not.toContainText(person.name);
      await expectAccessible('identity: verified by name');

      // The face step. The simulator recognises a capture by the SHA-256 of its bytes (CONTRACT.md § Face
      // comparison), which no camera frame reproduces: the frontal frame the browser took is swapped for the
      // original file of the photo the fake camera showed. Liveness is judged on the browser's own frames.
      let asked: string[] = [];
      await page.route('**/api/identity/real-name/face-verifications', async (route) => {
        const body = route.request().postDataJSON() as { frames: string[] };
        const frontal = asked.indexOf('look_straight');
        body.frames[frontal] = faceBase64(person.moves.look_straight);
        await route.continue({ postData: JSON.stringify(body) });
      });
      await page.getByRole('checkbox', { name: /我同意平台为核验身份处理我的人脸信息/ }).check();
      await page.getByRole('button', { name: '打开摄像头' }).click();
      await setFakeFace(page, person.moves.look_straight);
      await expect(page.getByLabel('摄像头画面')).toBeVisible();
      const start = page.getByRole('button', { name: '开始', exact: true });
      await expect(start).toBeEnabled();
      await expectAccessible('identity: camera step');
      await start.focus();
      await page.keyboard.press('Enter'); // the capture starts from the keyboard
      asked = await followPrompts(page, person.moves);
      await expect(page.getByText('人脸核验已通过')).toBeVisible({ timeout: 30_000 });
      await expect(page.getByText('已完成人脸核验')).toBeVisible();
      await expect(main).not.toContainText(person.idNumber);
      await expectAccessible('identity: face verified');
    } finally {
      await eraseAccount(page, account);
    }
  });

  test('the face of another person is refused with the reason and the attempts left', async ({
    page,
    request,
    guard,
    expectAccessible,
  }) => {
    test.setTimeout(120_000);
    const account = await registerAccount(request);
    const token = await apiToken(request, account);
    const person = await verifyByApi(request, token, [AYIGULI, JITIAN_CHUN, WANG_DAMING]);
    const otherFace = person === AYIGULI ? MOVES.sheldon : MOVES.bernadette;
    await installFakeCamera(page);
    guard.allowHttpError(/\/api\/identity\/real-name\/me$/, 404);
    await signInOnPage(page, account, '/identity');
    try {
      await expect(page.getByRole('heading', { name: '认证信息' })).toBeVisible();
      await page.getByRole('checkbox', { name: /我同意平台为核验身份处理我的人脸信息/ }).check();
      await page.getByRole('button', { name: '打开摄像头' }).click();
      await setFakeFace(page, otherFace.look_straight);
      await page.getByRole('button', { name: '开始', exact: true }).click();
      await followPrompts(page, otherFace);
      const refusal = page.getByRole('alert').filter({ hasText: '人脸核验未通过' });
      await expect(refusal).toBeVisible({ timeout: 30_000 });
      await expect(refusal).toContainText('人脸与公安部门登记的证件照片不一致');
      // Five a day: the name check and this face step used two.
      await expect(refusal).toContainText('今天还可以尝试 3 次');
      await expect(page.getByRole('button', { name: '重新核验' })).toBeVisible();
      await expect(page.getByRole('button', { name: '提交申诉' })).toBeVisible();
      await expectAccessible('identity: face refused');
    } finally {
      await eraseAccount(page, account);
    }
  });
});

/** Submits the form with each person until one is verified (an earlier run's number may still be taken). */
async function verifyFirstFreePerson(page: Page, persons: Person[]): Promise<Person> {
  for (const person of persons) {
    await fillRealName(page, person);
    const verified = page.getByRole('heading', { name: '认证信息' });
    const taken = page.locator('[data-error-code="IDENTITY.ID_NUMBER_ALREADY_VERIFIED"]');
    await expect(verified.or(taken)).toBeVisible({ timeout: 20_000 });
    if (await verified.isVisible()) return person;
    await expect(page.getByRole('button', { name: '提交申诉' })).toBeVisible();
  }
  throw new Error('every test person with a photo is verified on another account');
}

async function verifyByApi(request: APIRequestContext, token: string, persons: Person[]): Promise<Person> {
  for (const person of persons) {
    const response = await request.post('/api/identity/real-name/verifications', {
      headers: { authorization: `Bearer ${token}` },
      data: {
        name: person.name,
        idNumber: person.idNumber,
        validFrom: person.validFrom,
        validTo: person.validTo,
      },
    });
    if (response.status() === 409) continue;
    expect(response.status()).toBe(200);
    expect(((await response.json()) as { verified: boolean }).verified).toBe(true);
    return person;
  }
  throw new Error('every test person with a photo is verified on another account');
}
