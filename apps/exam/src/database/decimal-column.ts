import type { ValueTransformer } from 'typeorm';

/** DECIMAL(10,2) columns: mysql2 reads them as strings; points are numbers in the code. */
export const DECIMAL_POINTS: ValueTransformer = {
  to: (v: number | null | undefined) => v,
  from: (v: string | null) => (v === null ? null : Number(v)),
};
