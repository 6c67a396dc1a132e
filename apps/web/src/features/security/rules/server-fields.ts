import { ApiError, fieldErrorsOf } from '../../../api/api-error';

export interface ServerField<N> {
  name: N;
  reason: string;
}

/**
 * The fields a refused change names (REQUEST.INVALID or RISK.THRESHOLDS_INCONSISTENT) that the form has,
 * by the API's field name (`params.failures`) looked up in `known`; other failures name none.
 */
export function serverFieldsOf<N>(error: unknown, known: Readonly<Record<string, N>>): ServerField<N>[] {
  if (!(error instanceof ApiError)) return [];
  return Object.entries(fieldErrorsOf(error)).flatMap(([field, reason]) => {
    const name = Object.hasOwn(known, field) ? known[field] : undefined;
    return name === undefined ? [] : [{ name, reason }];
  });
}
