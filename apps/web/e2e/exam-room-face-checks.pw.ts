import type { Page } from '@playwright/test';

import { bearer, demoOrgAdmin } from './support/accounts';
import { createExam } from './support/exam-factory';
import { attemptIdOf, roomPath, saveState } from './support/exam-room-page';
import { eraseAccountByApi, registerAccount, signInOnPage, type TestAccount } from './support/face-accounts';
import {
  followPrompts,
  installFakeCamera,
  MOVES,
  requireFaces,
  setFakeFace,
  type Shots,
} from './support/fake-camera';
import { expect, test } from './support/fixtures';
import { passRealNameFaceStep, PERSONS, verifyFirstFreePerson } from './support/real-name';

/** Sheldon's photos are 王大明's in the simulator; no other journey file verifies 王大明 (support/real-name.ts). */
const PERSON = PERSONS.wangDaming;

/**
 * What the fake camera shows at each check of the account. Identity refuses a frame that is the enrolment image
 * or a frame of an earlier passed check sent again (descriptor distance under 0.2, docs/face-liveness.md rule 5),
 * as a camera never takes the same picture twice; the test data has five photos per person. The real-name step
 * enrolled sheldon2 (MOVES.sheldon), so each later check shows other photos or the head tilted another way,
 * each frame 0.28 or more from the enrolment and from the door's frames (measured with identity's engine on the
 * fake camera's frames), and within 0.46 of its frontal one (one face, threshold 0.55).
 */
const AT_THE_DOOR: Shots = {
  turn_left: { photo: 'sheldon/sheldon5.png', tilt: -10 },
  turn_right: { photo: 'sheldon/sheldon3.png', tilt: 10 },
  look_straight: 'sheldon/sheldon1.png',
};
const IN_THE_ROOM: Shots = {
  turn_left: 'sheldon/sheldon4.png',
  turn_right: { photo: 'sheldon/sheldon3.png', tilt: -10 },
  look_straight: { photo: 'sheldon/sheldon1.png', tilt: -10 },
};

/**
 * How often the exam asks. The page's clock jumps to each check instead of the test waiting for it, so the
 * interval costs no time; a long one keeps the room from asking again (time flows on after a jump) while the
 * journey is still at its last steps on a slow machine.
 */
const CHECK_EVERY_MINUTES = 5;

/** The room's periodic check is due: it opens in a dialog over the paper. */
async function periodicCheckDue(page: Page) {
  await page.clock.fastForward(CHECK_EVERY_MINUTES * 60_000);
  const dialog = page.getByRole('dialog', { name: '人脸核验' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('请按提示完成本次人脸核验，核验期间考试计时不停止。');
  await expect(dialog.getByRole('button', { name: '开始', exact: true })).toBeEnabled();
  return dialog;
}

/** The room's report of a face check and the server's judgement of it. */
function faceCheckReport(page: Page) {
  return page
    .waitForResponse(
      (r) =>
        r.url().endsWith('/proctoring-events') && r.request().postData()?.includes('face_check') === true,
    )
    .then(
      async (r) =>
        (await r.json()) as {
          events: { kind: string; faceCheck: string | null; outcome: string }[];
          policy: { outcome: string; warnings: number };
        },
    );
}

test.describe('face checks that pass, at the exam room door and during the exam', () => {
  let account: TestAccount | undefined;

  test.beforeEach(() => {
    requireFaces();
  });

  // Cancelling the account frees 王大明's number for the next run, also after a failure or a timeout.
  test.afterEach(async ({ request }) => {
    if (account !== undefined) await eraseAccountByApi(request, account);
    account = undefined;
  });

  test('a candidate verified with the face step passes the door check and a periodic check, is warned for one failed with another face, and submits', async ({
    page,
    request,
    guard,
    expectAccessible,
  }) => {
    // Four face checks: each takes seconds to capture and, on a loaded machine, up to ~25 s to analyse.
    test.setTimeout(300_000);
    const exam = await createExam(request, {
      practice: true,
      requiresRealName: true,
      faceCheckAtEntry: true,
      periodicFaceCheckMinutes: CHECK_EVERY_MINUTES,
      antiCheat: { faceCheckFailureLimit: 0, consequence: 'warn' },
    });
    account = await registerAccount(request);
    await page.clock.install();
    await installFakeCamera(page);
    guard.allowHttpError(/\/api\/identity\/real-name\/me$/, 404);
    guard.allowHttpError(/\/api\/identity\/real-name\/verifications$/, 409);
    await signInOnPage(page, account, '/identity');
    await verifyFirstFreePerson(page, [PERSON]);
    await passRealNameFaceStep(page, PERSON);

    // The door: the rules name both checks, and the start waits for the face.
    await page.goto(roomPath(exam.examId));
    await expect(page.getByRole('heading', { level: 1, name: exam.title })).toBeVisible();
    await expect(page.getByText('开始考试前需进行人脸核验。')).toBeVisible();
    await expect(
      page.getByText(`考试期间每 ${String(CHECK_EVERY_MINUTES)} 分钟需进行一次人脸核验。`),
    ).toBeVisible();
    await expect(page.getByRole('heading', { name: '入场人脸核验' })).toBeVisible();
    const startExam = page.getByRole('button', { name: '开始考试' });
    await expect(startExam).toBeDisabled();
    await setFakeFace(page, AT_THE_DOOR.look_straight);
    await expect(page.getByLabel('摄像头画面')).toBeVisible();
    await expectAccessible('exam room: face check at the door');
    await page.getByRole('button', { name: '开始', exact: true }).click();
    await followPrompts(page, AT_THE_DOOR);
    await expect(page.getByText('人脸核验已通过，可以开始考试。')).toBeVisible({ timeout: 30_000 });
    await expect(startExam).toBeEnabled();
    await expectAccessible('exam room: door check passed');
    await startExam.click();
    await expect(page).toHaveURL(/\?attempt=[0-9a-f-]{36}$/);
    const attemptId = attemptIdOf(page);
    await page.getByRole('radio', { name: /RSA/ }).check();
    await expect(saveState(page)).toHaveAttribute('data-save-state', 'saved');

    // The first periodic check passes: the server counts nothing, and the exam goes on.
    let dialog = await periodicCheckDue(page);
    await expectAccessible('exam room: periodic face check');
    await setFakeFace(page, IN_THE_ROOM.look_straight);
    let reported = faceCheckReport(page);
    await dialog.getByRole('button', { name: '开始', exact: true }).click();
    await followPrompts(page, IN_THE_ROOM);
    const passed = await reported;
    expect(passed.events).toEqual([expect.objectContaining({ faceCheck: 'passed', outcome: 'recorded' })]);
    await expect(dialog).toBeHidden();
    await page.getByRole('button', { name: '下一题' }).click();
    await page.getByRole('checkbox', { name: /启用多因素认证/ }).check();
    await page.getByRole('checkbox', { name: /使用足够长且随机的口令/ }).check();
    await expect(saveState(page)).toHaveAttribute('data-save-state', 'saved');

    // The next one: someone else sits in front of the camera. Identity refuses the face; the candidate
    // cannot pass, and the room reports the failed check, which the exam's policy answers with a warning.
    dialog = await periodicCheckDue(page);
    await setFakeFace(page, MOVES.bernadette.look_straight);
    await dialog.getByRole('button', { name: '开始', exact: true }).click();
    await followPrompts(page, MOVES.bernadette);
    const refusal = dialog.getByRole('alert').filter({ hasText: '人脸核验未通过' });
    await expect(refusal).toBeVisible({ timeout: 30_000 });
    await expect(refusal).toContainText('人脸与登记的照片不一致。');
    await expectAccessible('exam room: periodic face check refused');
    reported = faceCheckReport(page);
    await dialog.getByRole('button', { name: '无法完成核验' }).click();
    const failed = await reported;
    expect(failed.events).toEqual([expect.objectContaining({ faceCheck: 'missing', outcome: 'warning' })]);
    expect(failed.policy).toMatchObject({ outcome: 'warning', warnings: 1 });
    const warning = page.getByRole('dialog', { name: '考试警告' });
    await expect(warning).toContainText('本次人脸核验未通过。');
    await expect(warning).toContainText('这是第 1 次警告，已记录在案。');
    await expect(warning).toContainText('再次违规将继续收到警告并记录在案。');
    await expectAccessible('exam room: warning for the failed face check');
    await warning.getByRole('button', { name: '我知道了' }).click();
    await expect(warning).toBeHidden();

    // The exam continues to the end.
    await page.getByRole('button', { name: '下一题' }).click();
    await page.getByRole('radio', { name: '错误' }).check();
    await expect(saveState(page)).toHaveAttribute('data-save-state', 'saved');
    await page.getByRole('button', { name: '交卷' }).click();
    const submit = page.getByRole('dialog', { name: '确认交卷' });
    await submit.getByRole('button', { name: '确认交卷' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '已交卷' })).toBeVisible();

    // What the institution's staff see in the attempt's timeline: both periodic checks as the server judged them.
    const staff = await demoOrgAdmin(request);
    const timeline = await request.get(
      `/api/exam/institutions/${exam.institutionId}/attempts/${attemptId}/timeline`,
      { headers: bearer(staff) },
    );
    expect(timeline.status(), await timeline.text()).toBe(200);
    const { entries } = (await timeline.json()) as {
      entries: { type: string; detail: string | null; rule: string | null; outcome: string | null }[];
    };
    expect(entries.filter((e) => e.type === 'face_check')).toEqual([
      expect.objectContaining({ detail: 'passed', rule: null, outcome: 'recorded' }),
      expect.objectContaining({ detail: 'missing', rule: 'face_check', outcome: 'warning' }),
    ]);
    expect(entries.at(-1)?.type).toBe('submitted');
  });
});
