import { registeredCandidate, signInAsDemoAdmin } from './console-helpers';
import { createExam } from './support/exam-factory';
import { expect, test } from './support/fixtures';

test.describe('console: registration review', () => {
  test('staff approve one registration and reject another with a reason; data masked until an audited reveal', async ({
    page,
    request,
    guard,
    expectAccessible,
  }) => {
    const exam = await createExam(request, {
      requiresApproval: true,
      opensInSeconds: 600,
      registrationForm: [{ key: 'school', label: '毕业学校', kind: 'text', required: true }],
    });
    const first = await registeredCandidate(request, exam.examId, { school: '北京理工大学' });
    const second = await registeredCandidate(request, exam.examId, { school: '浙江大学' });

    await signInAsDemoAdmin(page, `/console/${exam.institutionId}/exams/${exam.examId}/registrations`);
    await expect(page.getByRole('heading', { level: 1, name: `报名审核：${exam.title}` })).toBeVisible();
    const firstRow = page.getByRole('row').filter({ hasText: first.registrationNumber });
    const secondRow = page.getByRole('row').filter({ hasText: second.registrationNumber });
    await expect(firstRow).toContainText('待审核');
    // Masked as the API returns it: the full answer is not on the page.
    await expect(firstRow).toContainText('北*****');
    await expect(page.locator('body')).not.toContainText('北京理工大学');
    await expectAccessible('registrations (pending)');

    // Filter by status and by number.
    await page.getByLabel('报名号').fill(second.registrationNumber);
    await page.getByRole('button', { name: '筛选' }).click();
    await expect(firstRow).toHaveCount(0);
    await expect(secondRow).toBeVisible();
    await page.getByLabel('报名号').fill('');
    await page.getByRole('button', { name: '筛选' }).click();
    await expect(firstRow).toBeVisible();

    await page.getByRole('button', { name: `通过报名 ${first.registrationNumber}` }).click();
    await expect(firstRow).toContainText('已确认');

    await page.getByRole('button', { name: `驳回报名 ${second.registrationNumber}` }).click();
    const rejectDialog = page.getByRole('dialog', { name: `驳回报名 ${second.registrationNumber}` });
    await rejectDialog.getByRole('button', { name: '驳回' }).click();
    await expect(rejectDialog.getByText('请填写理由')).toBeVisible();
    await expectAccessible('reject dialog with a missing reason');
    await rejectDialog.getByLabel('驳回理由').fill('所填学校与证明材料不符，请核对后重新报名。');
    await rejectDialog.getByRole('button', { name: '驳回' }).click();
    await expect(rejectDialog).toBeHidden();
    await expect(secondRow).toContainText('已驳回');
    await expect(secondRow).toContainText('所填学校与证明材料不符');

    // The reveal asks for a reason of at least 10 characters; the server keeps it in the audit.
    await page.getByRole('button', { name: `查看报名 ${first.registrationNumber} 的完整信息` }).click();
    const revealDialog = page.getByRole('dialog', {
      name: `查看报名 ${first.registrationNumber} 的完整信息`,
    });
    await revealDialog.getByLabel('查看理由（至少 10 个字）').fill('核对');
    await revealDialog.getByRole('button', { name: '查看完整信息' }).click();
    await expect(revealDialog.getByText('理由至少 10 个字')).toBeVisible();
    await revealDialog.getByLabel('查看理由（至少 10 个字）').fill('考生来电要求核对报名所填的毕业学校信息');
    await revealDialog.getByRole('button', { name: '查看完整信息' }).click();
    const revealed = page.getByRole('dialog', { name: `报名 ${first.registrationNumber} 的完整信息` });
    await expect(revealed).toContainText('毕业学校');
    await expect(revealed).toContainText('北京理工大学');
    await expectAccessible('revealed registration');
    await revealed.getByRole('button', { name: '关闭' }).last().click();
    await expect(page.locator('body')).not.toContainText('北京理工大学');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出报名表（Excel）' }).click();
    expect((await download).suggestedFilename()).toBe('registrations.xlsx');

    // An accommodation for the approved candidate: ten extra minutes.
    await page.getByRole('button', { name: `为报名 ${first.registrationNumber} 设置特殊安排` }).click();
    const accommodation = page.getByRole('dialog', { name: `特殊安排：${first.registrationNumber}` });
    await accommodation.getByLabel('延长时间（分钟）').fill('10');
    await accommodation.getByLabel('备注').fill('视力障碍，延长十分钟');
    await accommodation.getByRole('button', { name: '保存' }).click();
    await expect(accommodation).toBeHidden();
    const accommodationRow = page
      .getByRole('region', { name: '特殊安排' })
      .getByRole('row')
      .filter({ hasText: first.registrationNumber });
    await expect(accommodationRow).toContainText('视力障碍');
    await expectAccessible('registrations with an accommodation');
    expect(guard.unexpected()).toEqual([]);
  });
});
