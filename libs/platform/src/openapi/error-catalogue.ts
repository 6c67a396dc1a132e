import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

import { type ErrorCode, errorCodesOf } from '../errors/error-codes';
import { statusOf } from '../errors/error-status';
import * as platformCodes from '../errors/platform.error-codes';
import * as faceCheck from '../face-check';

/** One row of the error catalogue. */
export interface CatalogueEntry {
  readonly code: string;
  readonly status: number;
  readonly kind: ErrorCode['kind'];
  readonly meaning: string;
  readonly action: string;
  /** Where the table is declared, relative to the repository root (`libs/platform/…`, `apps/<service>/…`). */
  readonly declaredIn: string;
}

interface FoundTable {
  readonly table: object;
  readonly codes: readonly ErrorCode[];
  readonly declaredIn: string;
}

function tablesIn(moduleExports: unknown, declaredIn: string): FoundTable[] {
  if (typeof moduleExports !== 'object' || moduleExports === null) return [];
  const found: FoundTable[] = [];
  for (const value of Object.values(moduleExports)) {
    const codes = errorCodesOf(value);
    if (codes !== undefined) found.push({ table: value as object, codes, declaredIn });
  }
  return found;
}

/** The platform's own tables: every service answers with these (validation, auth, overload, face checks). */
export function platformErrorTables(): FoundTable[] {
  return [
    ...tablesIn(platformCodes, 'libs/platform/src/errors/platform.error-codes.ts'),
    ...tablesIn(faceCheck, 'libs/platform/src/face-check'),
  ];
}

function errorFilesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.errors\.(ts|js)$/.test(f) && !f.endsWith('.d.ts'))
    .map((f) => join(dir, f))
    .sort();
}

/**
 * Every table an app declares: each `<feature>.errors.ts` under `apps/<service>/src` (or the compiled
 * `.errors.js` in a build), imported and searched for exported tables (`errorCodesOf`).
 */
export async function appErrorTables(root: string, service: string): Promise<FoundTable[]> {
  const found: FoundTable[] = [];
  for (const file of errorFilesUnder(join(root, 'apps', service, 'src'))) {
    const moduleExports: unknown = await import(file);
    found.push(...tablesIn(moduleExports, relative(root, file).replace(/\.js$/, '.ts')));
  }
  return found;
}

export class DuplicateErrorCodeError extends Error {}

/**
 * The catalogue of one service: the platform's codes and its own, sorted by code. A code declared twice
 * (in two tables, or by the app and the platform) fails: a code means one thing.
 */
export function catalogueOf(service: string, tables: readonly FoundTable[]): CatalogueEntry[] {
  const byCode = new Map<string, { entry: CatalogueEntry; code: ErrorCode }>();
  const seenTables = new Set<object>();
  for (const { table, codes, declaredIn } of tables) {
    // One table re-exported from several files is still one declaration.
    if (seenTables.has(table)) continue;
    seenTables.add(table);
    for (const code of codes) {
      const known = byCode.get(code.code);
      if (known !== undefined && known.code !== code) {
        throw new DuplicateErrorCodeError(
          `${service}: error code ${code.code} is declared twice (${known.entry.declaredIn} and ${declaredIn})`,
        );
      }
      byCode.set(code.code, {
        code,
        entry: {
          code: code.code,
          status: statusOf(code.kind),
          kind: code.kind,
          meaning: code.meaning,
          action: code.action,
          declaredIn,
        },
      });
    }
  }
  return [...byCode.values()]
    .map((v) => v.entry)
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** The platform's tables plus the app's, as one service's catalogue. */
export async function serviceErrorCatalogue(root: string, service: string): Promise<CatalogueEntry[]> {
  return catalogueOf(service, [...platformErrorTables(), ...(await appErrorTables(root, service))]);
}
