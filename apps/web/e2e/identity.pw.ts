import { apiToken, eraseAccount, registerAccount, signInOnPage } from './support/face-accounts';
import { followPrompts, installFakeCamera, MOVES, requireFaces, setFakeFace } from './support/fake-camera';
import { expect, test } from './support/fixtures';
import {
  fillRealName,
  passRealNameFaceStep,
  PERSONS,
  verifyByApi,
  verifyFirstFreePerson,
} from './support/real-name';

/**
 * This file's persons (support/real-name.ts): journeys running side by side never claim one ID number, so
 * exam-room-face-checks.pw.ts keeps 王大明 to itself and this file takes the others. The refusal needs no
 * match, so it takes whichever of its two is free.
 */
const FACE_PERSON = PERSONS.jitianChun;
const REFUSED_PERSONS = [PERSONS.ayiguli, PERSONS.jitianChun];

function wrongCheckDigit(idNumber: string): string {
  const last = idNumber.slice(-1);
  return `${idNumber.slice(0, 17)}${last === '1' ? '2' : '1'}`;
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
      await fillRealName(page, FACE_PERSON, wrongCheckDigit(FACE_PERSON.idNumber));
      await expect(page.getByText('最后一位校验位与前 17 位不符')).toBeVisible();
      await expectAccessible('identity: a wrong check digit');

      const person = await verifyFirstFreePerson(page, [FACE_PERSON]);
      await expect(page.getByRole('heading', { name: '认证信息' })).toBeVisible();
      await expect(page.getByText('已实名')).toBeVisible();
      const main = page.locator('body');
      await expect(main).toContainText(/\*/); // masked as the service returns it
      await expect(main).not.toContainText(person.idNumber);
      await expect(main).not.toContainText(person.name);
      await expectAccessible('identity: verified by name');

      // The face step, with the authority's match (see passRealNameFaceStep); the capture starts from the keyboard.
      await passRealNameFaceStep(page, person, {
        atCamera: () => expectAccessible('identity: camera step'),
        byKeyboard: true,
      });
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
    await verifyByApi(request, token, REFUSED_PERSONS);
    // Neither person's face: their photo labels are amy and penny (CONTRACT.md § Face comparison).
    const otherFace = MOVES.bernadette;
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
