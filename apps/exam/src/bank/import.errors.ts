import { defineErrorCodes, DomainError } from '@exam/platform';

import type { ImportRowError } from './question-import-format';

export const ImportErrorCode = defineErrorCodes('IMPORT', {
  ROWS_INVALID: {
    kind: 'invalid',
    meaning: 'Rows of the import file break the template’s rules; nothing was imported.',
    action:
      'Correct every row listed in details (row number, column and reason) and import the whole file again.',
  },
  UNREADABLE: {
    kind: 'invalid',
    meaning: 'The file is not an .xlsx workbook that can be read.',
    action:
      'Save the file as an Excel workbook (.xlsx) from the downloadable template and send it base64-encoded.',
  },
  TOO_MANY_ROWS: {
    kind: 'invalid',
    meaning: 'The file has more rows than one import may hold.',
    action: 'Split it into several files.',
  },
  EMPTY: {
    kind: 'invalid',
    meaning: 'The file holds no question rows.',
    action: 'Fill in at least one row under the header row.',
  },
});

/** Details are capped so a file with every row wrong still gets a bounded answer; the count is in the message. */
const MAX_REPORTED = 1000;

export class ImportRowsInvalidError extends DomainError {
  constructor(errors: readonly ImportRowError[]) {
    const rows = new Set(errors.map((e) => e.row)).size;
    super(
      ImportErrorCode.ROWS_INVALID,
      `${rows} row(s) of the file have problems (${errors.length} in all${errors.length > MAX_REPORTED ? `, the first ${MAX_REPORTED} listed` : ''}); nothing was imported. Correct them and import the whole file again.`,
      errors.slice(0, MAX_REPORTED),
    );
  }
}

export class ImportUnreadableError extends DomainError {
  constructor(reason: string) {
    super(ImportErrorCode.UNREADABLE, undefined, [{ field: 'file', reason }]);
  }
}

export class ImportTooManyRowsError extends DomainError {
  constructor(max: number) {
    super(ImportErrorCode.TOO_MANY_ROWS, `One import holds at most ${max} rows; split the file.`);
  }
}

export class ImportEmptyError extends DomainError {
  constructor() {
    super(ImportErrorCode.EMPTY);
  }
}
