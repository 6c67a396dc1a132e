/**
 * What kind of failure a domain error is; the exception filter maps each kind to one HTTP status.
 * Codes (`AREA.REASON`) are stable across process boundaries, unlike `instanceof`.
 */
export type ErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'gone'
  | 'unprocessable'
  | 'too_many'
  | 'method_not_allowed'
  | 'length_required'
  | 'too_large'
  | 'unsupported_media_type'
  | 'bad_gateway'
  | 'gateway_timeout'
  | 'unavailable'
  | 'internal';

/** What a caller learns about one error code: the catalogue (docs/api/errors.md) is generated from these. */
export interface ErrorCodeSpec {
  readonly kind: ErrorKind;
  /** What went wrong, for the person reading the catalogue. */
  readonly meaning: string;
  /** What the caller should do about it. */
  readonly action: string;
}

/** One stable code (`AREA.REASON`) with its spec. Codes survive process boundaries; `instanceof` does not. */
export interface ErrorCode<C extends string = string> extends ErrorCodeSpec {
  readonly code: C;
  readonly area: string;
}

const ERROR_CODE_TABLE = Symbol.for('exam.errorCodeTable');

export type ErrorCodeTable<A extends string, T extends Record<string, ErrorCodeSpec>> = {
  readonly [K in keyof T & string]: ErrorCode<`${A}.${K}`>;
};

/**
 * Declares the one code table of an area (singular, upper case: `AUTH`, `SESSION`, `FACE`). Error classes
 * in `<feature>.errors.ts` take their code from it; the catalogue generator finds tables by their brand.
 */
export function defineErrorCodes<const A extends string, const T extends Record<string, ErrorCodeSpec>>(
  area: A,
  specs: T,
): ErrorCodeTable<A, T> {
  if (!/^[A-Z][A-Z_]*[A-Z]$/.test(area) || (area.endsWith('S') && !area.endsWith('SS'))) {
    throw new Error(`Error area "${area}" must be singular upper case (AUTH, SESSION, FACE)`);
  }
  const table: Record<string, ErrorCode> = {};
  for (const [reason, spec] of Object.entries(specs)) {
    if (!/^[A-Z][A-Z0-9_]*$/.test(reason))
      throw new Error(`Error reason "${area}.${reason}" must be upper case`);
    table[reason] = { ...spec, area, code: `${area}.${reason}` };
  }
  Object.defineProperty(table, ERROR_CODE_TABLE, { value: area, enumerable: false });
  return Object.freeze(table) as ErrorCodeTable<A, T>;
}

/** The codes of a table declared with `defineErrorCodes`, or undefined for any other value (catalogue discovery). */
export function errorCodesOf(value: unknown): readonly ErrorCode[] | undefined {
  if (typeof value !== 'object' || value === null || !(ERROR_CODE_TABLE in value)) return undefined;
  return Object.values(value);
}
