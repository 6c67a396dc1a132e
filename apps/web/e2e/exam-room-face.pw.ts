import { createExam } from './support/exam-factory';
import { apiToken, enrolFace, registerAccount, signInOnPage } from './support/face-accounts';
import { installFakeCamera, MOVES, requireFaces, setFakeFace } from './support/fake-camera';
import { expect, test } from './support/fixtures';

test.describe('the face check at the exam room door', () => {
  test.beforeEach(() => {
    requireFaces();
  });

  test('an exam that requires a face check cannot be entered with a face that was never matched to the verified person', async ({
    page,
    request,
    guard,
    expectAccessible,
  }) => {
    test.setTimeout(120_000);
    // A face enrolled directly, without the real-name face step: it proves nothing about who sits the exam.
    const account = await registerAccount(request);
    await enrolFace(request, await apiToken(request, account));
    const exam = await createExam(request, { practice: true, faceCheckAtEntry: true });

    await installFakeCamera(page);
    await signInOnPage(page, account, `/exam-room/${exam.examId}`);
    await expect(page.getByRole('heading', { level: 1, name: exam.title })).toBeVisible();

    guard.allowHttpError(/\/api\/exam\/attempts$/, 403);
    guard.allowHttpError(/\/api\/identity\/face\/challenges$/, 403);
    const startExam = page.getByRole('button', { name: '开始考试' });
    // Until the exam service describes the room in its notice, the room learns of the face check on start.
    if (await startExam.isEnabled()) await startExam.click();
    await expect(page.getByRole('heading', { name: '入场人脸核验' })).toBeVisible();
    await expect(startExam).toBeDisabled();
    await setFakeFace(page, MOVES.bernadette.look_straight);
    await page.getByRole('button', { name: '开始', exact: true }).click();
    await expect(page.getByText('考试人脸核验需要先在“实名认证”中完成人脸核验。')).toBeVisible({
      timeout: 20_000,
    });
    await expect(startExam).toBeDisabled();
    await expectAccessible('exam room: face check refused before the real-name face step');
  });
});
