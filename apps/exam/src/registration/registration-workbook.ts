import ExcelJS from 'exceljs';

import type { StaffRegistrationDto } from './dto/registration.dto';

/** The exam's registrations as a workbook, personal data masked exactly as in the staff list. */
export async function registrationsWorkbook(
  rows: readonly StaffRegistrationDto[],
  formKeys: readonly string[],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('registrations');
  sheet.addRow([
    'registrationNumber',
    'ticketNumber',
    'status',
    'verifiedName',
    'verifiedIdNumber',
    'feeFen',
    'paid',
    'reviewReason',
    'createdAt',
    ...formKeys,
  ]);
  sheet.getRow(1).font = { bold: true };
  for (const r of rows)
    sheet.addRow([
      r.registrationNumber,
      r.ticketNumber ?? '',
      r.status,
      r.verifiedName ?? '',
      r.verifiedIdNumber ?? '',
      r.feeFen,
      r.paid ? 'yes' : 'no',
      r.reviewReason ?? '',
      r.createdAt,
      ...formKeys.map((k) => r.answers[k] ?? ''),
    ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
