import { defineErrorCodes, errorCodesOf } from '../errors/error-codes';
import { catalogueOf, DuplicateErrorCodeError, platformErrorTables } from './error-catalogue';

const table = (area: string, reason: string): object =>
  defineErrorCodes(area, { [reason]: { kind: 'conflict', meaning: 'm', action: 'a' } });

describe(catalogueOf.name, () => {
  it('should list the platform codes with their HTTP status', () => {
    const sut = catalogueOf('accounts', platformErrorTables());

    expect(sut).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'REQUEST.INVALID', status: 400 })]),
    );
  });

  it('should fail on a code declared twice in one service', () => {
    const tables = [
      { table: table('WIDGET', 'TAKEN'), declaredIn: 'a.errors.ts' },
      { table: table('WIDGET', 'TAKEN'), declaredIn: 'b.errors.ts' },
    ].map((t) => ({ ...t, codes: errorCodesOf(t.table) ?? [] }));

    expect(() => catalogueOf('accounts', tables)).toThrow(DuplicateErrorCodeError);
  });

  it('should count one table re-exported from two files once', () => {
    const shared = table('WIDGET', 'TAKEN');
    const tables = ['a.errors.ts', 'b.errors.ts'].map((declaredIn) => ({
      table: shared,
      declaredIn,
      codes: errorCodesOf(shared) ?? [],
    }));

    expect(catalogueOf('accounts', tables).map((e) => e.code)).toEqual(['WIDGET.TAKEN']);
  });
});
