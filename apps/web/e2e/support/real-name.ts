import { type APIRequestContext, expect, type Page } from '@playwright/test';

import { checkCharacterOf } from '../../src/features/identity/id-number-rules';
import { faceBase64, followPrompts, MOVES, type Moves, setFakeFace, type Step } from './fake-camera';

/** A person of the authority simulator's register (apps/authority-sim/CONTRACT.md § Test persons). */
export interface Person {
  name: string;
  idNumber: string;
  validFrom: string;
  validTo: string;
}

/** A person whose photos can pass the real-name face step: one per movement, of the simulator's photo label. */
export interface PersonWithFace extends Person {
  moves: Moves;
}

export function withCheck(first17: string): string {
  return `${first17}${checkCharacterOf(first17)}`;
}

/**
 * The persons with a photo that journeys verify. An ID number can be verified on one account at a time and
 * journeys run three files at a time, so each file keeps to its own persons and cancels its account at the end,
 * which frees the number for the next run: 王大明 is exam-room-face-checks.pw.ts's, 𠮷田春 and 阿依古丽
 * identity.pw.ts's (identity-minor.pw.ts names 王大明 only as a guardian, which verifies no account).
 */
export const PERSONS = {
  wangDaming: {
    name: '王大明',
    idNumber: withCheck('11010819850301891'),
    validFrom: '2015-03-01',
    validTo: '2035-03-01',
    moves: MOVES.sheldon,
  } satisfies PersonWithFace,
  jitianChun: {
    name: '𠮷田春',
    idNumber: withCheck('44030519880808456'),
    validFrom: '2016-08-08',
    validTo: '2036-08-08',
    moves: MOVES.penny,
  } satisfies PersonWithFace,
  ayiguli: {
    name: '阿依古丽·买买提',
    idNumber: withCheck('65010219920101345'),
    validFrom: '2018-01-01',
    validTo: '2038-01-01',
    // No moves: amy's photos turn one way only, so this person never passes the face step.
  } satisfies Person,
};

/** Fills the real-name form of /identity with the person's details and submits it. */
export async function fillRealName(page: Page, person: Person, idNumber = person.idNumber): Promise<void> {
  await page.getByLabel('姓名', { exact: true }).fill(person.name);
  await page.getByLabel('身份证号码', { exact: true }).fill(idNumber);
  await page.getByLabel('有效期起始日期').fill(person.validFrom);
  await page.getByLabel('有效期截止日期').fill(person.validTo);
  await page.getByRole('button', { name: '提交认证' }).click();
}

/**
 * Submits the form with each person until one is verified (an earlier run that stopped half-way may still hold a
 * number until its account is cancelled). The page must allow 409 on real-name/verifications.
 */
export async function verifyFirstFreePerson<P extends Person>(page: Page, persons: readonly P[]): Promise<P> {
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

/** The same through the API, for journeys whose subject is not the form. */
export async function verifyByApi<P extends Person>(
  request: APIRequestContext,
  token: string,
  persons: readonly P[],
): Promise<P> {
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
    expect(response.status(), await response.text()).toBe(200);
    expect(((await response.json()) as { verified: boolean }).verified).toBe(true);
    return person;
  }
  throw new Error('every test person with a photo is verified on another account');
}

export interface FaceStepOptions {
  /** Runs once the camera shows the face and the start button is enabled (e.g. an accessibility check). */
  atCamera?: () => Promise<void>;
  /** Start the capture from the keyboard (focus, Enter) instead of a click. */
  byKeyboard?: boolean;
}

/**
 * The real-name face step of /identity for a person verified by name: consent, camera, the liveness movements,
 * and the authority's match. The simulator recognises a capture by the SHA-256 of its bytes (CONTRACT.md § Face
 * comparison), which no camera frame reproduces: the frontal frame the browser took is swapped, on its way to
 * the service, for the original file of the photo the fake camera showed. Liveness is judged on the browser's
 * own frames; the identity service then keeps that frontal capture as the account's face.
 */
export async function passRealNameFaceStep(
  page: Page,
  person: PersonWithFace,
  options: FaceStepOptions = {},
): Promise<void> {
  const asked: Step[] = [];
  await page.route('**/api/identity/real-name/face-verifications', async (route) => {
    const body = route.request().postDataJSON() as { frames: string[] };
    body.frames[asked.indexOf('look_straight')] = faceBase64(person.moves.look_straight);
    await route.continue({ postData: JSON.stringify(body) });
  });
  await page.getByRole('checkbox', { name: /我同意平台为核验身份处理我的人脸信息/ }).check();
  await page.getByRole('button', { name: '打开摄像头' }).click();
  await setFakeFace(page, person.moves.look_straight);
  await expect(page.getByLabel('摄像头画面')).toBeVisible();
  const start = page.getByRole('button', { name: '开始', exact: true });
  await expect(start).toBeEnabled();
  await options.atCamera?.();
  if (options.byKeyboard) {
    await start.focus();
    await page.keyboard.press('Enter');
  } else await start.click();
  await followPrompts(page, person.moves, asked);
  await expect(page.getByText('人脸核验已通过')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('已完成人脸核验')).toBeVisible();
  await page.unroute('**/api/identity/real-name/face-verifications');
}
