/** A unique-key violation as MariaDB/MySQL reports it (through TypeORM's QueryFailedError or mysql2). */
export function isDuplicateKeyError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const record = error as { code?: unknown; driverError?: { code?: unknown } };
  return record.code === 'ER_DUP_ENTRY' || record.driverError?.code === 'ER_DUP_ENTRY';
}
