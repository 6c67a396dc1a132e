import { CryptoError } from './crypto.errors';
import { STORED_FORMAT_VERSION } from './stored-format';

/** Where a value lives; bound into the ciphertext so a value copied elsewhere no longer decrypts. */
export interface FieldContext {
  readonly service: string;
  readonly table: string;
  readonly column: string;
  readonly rowId: string;
  /** Absent and null both mean "no tenant"; a tenant-scoped row must always pass its tenant. */
  readonly tenantId?: string | null;
}

const REQUIRED = ['service', 'table', 'column', 'rowId'] as const;

export function assertFieldContext(context: FieldContext): void {
  for (const name of REQUIRED) {
    const value: unknown = context[name];
    if (typeof value !== 'string' || value.length === 0) {
      throw new CryptoError('CRYPTO.MISSING_CONTEXT', `field context needs a non-empty ${name}`);
    }
  }
  const tenant: unknown = context.tenantId;
  if (tenant !== undefined && tenant !== null && (typeof tenant !== 'string' || tenant.length === 0)) {
    throw new CryptoError(
      'CRYPTO.MISSING_CONTEXT',
      'field context tenantId must be a non-empty string when given',
    );
  }
}

/**
 * JSON of a fixed-position array: unambiguous (no separator can be smuggled inside a name), cheap to build,
 * and it distinguishes "no tenant" (null) from any tenant id. The key id is included so a value's header
 * cannot be relabelled.
 */
export function associatedData(keyId: string, context: FieldContext): Buffer {
  assertFieldContext(context);
  return Buffer.from(
    JSON.stringify([
      STORED_FORMAT_VERSION,
      keyId,
      context.service,
      context.table,
      context.column,
      context.rowId,
      context.tenantId ?? null,
    ]),
    'utf8',
  );
}
