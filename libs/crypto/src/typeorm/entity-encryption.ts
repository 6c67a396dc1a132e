import { EntityMetadata } from 'typeorm';

import { BlindIndexSpec } from '../blind-index';
import { CryptoError } from '../crypto.errors';
import { FieldContext } from '../field-context';
import { encryptedColumnGuard } from './column-guards';
import { entityEncryptionDeclaration } from './encryption-declarations';

export interface EncryptedField {
  readonly property: string;
  readonly column: string;
}

export interface BlindIndexField {
  readonly indexProperty: string;
  readonly indexColumn: string;
  readonly sourceProperty: string;
  readonly keyId: string;
  readonly spec: BlindIndexSpec;
}

/** An entity's encryption declarations checked against, and resolved to, its TypeORM mapping. */
export interface EntityEncryption {
  readonly entityName: string;
  readonly table: string;
  readonly primaryProperty: string;
  readonly primaryColumn: string;
  readonly tenantProperty: string | undefined;
  readonly tenantColumn: string | undefined;
  readonly fields: readonly EncryptedField[];
  readonly indexes: readonly BlindIndexField[];
}

function mappingError(entityName: string, detail: string): CryptoError {
  return new CryptoError('CRYPTO.MAPPING_INVALID', `${entityName}: ${detail}`);
}

const cache = new WeakMap<EntityMetadata, Map<string, EntityEncryption | null>>();

/** Undefined for entities without encrypted columns; throws on declarations that cannot work. */
export function resolveEntityEncryption(
  metadata: EntityMetadata,
  service: string,
): EntityEncryption | undefined {
  let perService = cache.get(metadata);
  if (perService === undefined) {
    perService = new Map();
    cache.set(metadata, perService);
  }
  let resolved = perService.get(service);
  if (resolved === undefined) {
    resolved = resolve(metadata, service) ?? null;
    perService.set(service, resolved);
  }
  return resolved ?? undefined;
}

function resolve(metadata: EntityMetadata, service: string): EntityEncryption | undefined {
  const declaration = entityEncryptionDeclaration(metadata.target);
  if (declaration === undefined || declaration.encryptedProperties.length === 0) return undefined;
  const name = metadata.name;
  const primary = metadata.primaryColumns.length === 1 ? metadata.primaryColumns.at(0) : undefined;
  if (primary === undefined) {
    throw mappingError(
      name,
      'encrypted entities need exactly one primary column (the row id bound into each value)',
    );
  }
  const fields = declaration.encryptedProperties.map((property): EncryptedField => {
    const column = metadata.findColumnWithPropertyName(property);
    if (column?.transformer !== encryptedColumnGuard) {
      throw mappingError(name, `"${property}" must be declared with @EncryptedColumn`);
    }
    return { property, column: column.databaseName };
  });
  const indexes = declaration.indexes.map((index): BlindIndexField => {
    const source = fields.find((field) => field.property === index.sourceProperty);
    if (source === undefined) {
      throw mappingError(
        name,
        `blind index "${index.indexProperty}" must index an @EncryptedColumn property`,
      );
    }
    const column = metadata.findColumnWithPropertyName(index.indexProperty);
    if (column === undefined) throw mappingError(name, `"${index.indexProperty}" is not a column`);
    return {
      indexProperty: index.indexProperty,
      indexColumn: column.databaseName,
      sourceProperty: index.sourceProperty,
      keyId: index.keyId,
      spec: { kind: index.kind, domain: index.domain ?? `${service}/${metadata.tableName}.${source.column}` },
    };
  });
  const tenantProperty = declaration.tenantProperty;
  let tenantColumn: string | undefined;
  if (tenantProperty !== undefined) {
    const column = metadata.findColumnWithPropertyName(tenantProperty);
    if (column === undefined)
      throw mappingError(name, `tenant property "${tenantProperty}" must be a column`);
    tenantColumn = column.databaseName;
  }
  return {
    entityName: name,
    table: metadata.tableName,
    primaryProperty: primary.propertyName,
    primaryColumn: primary.databaseName,
    tenantProperty,
    tenantColumn,
    fields,
    indexes,
  };
}

function idText(value: unknown): string | undefined {
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return undefined;
}

/**
 * The associated-data context of one field of one row. Entity writes and rotation rewrites both build it from
 * the row's primary and tenant values with the same conversion, so both paths agree on the bytes.
 */
export function fieldContext(
  encryption: EntityEncryption,
  service: string,
  field: EncryptedField,
  rowIdValue: unknown,
  tenantValue: unknown,
): FieldContext {
  const rowId = idText(rowIdValue);
  if (rowId === undefined) {
    throw new CryptoError(
      'CRYPTO.MISSING_CONTEXT',
      `${encryption.entityName}.${encryption.primaryProperty} must be set (assign app-generated ids before saving, ` +
        'and select the primary column along with encrypted columns)',
    );
  }
  if (encryption.tenantProperty === undefined) {
    return { service, table: encryption.table, column: field.column, rowId };
  }
  if (tenantValue === undefined) {
    throw new CryptoError(
      'CRYPTO.MISSING_CONTEXT',
      `${encryption.entityName}.${encryption.tenantProperty} must be set and selected along with encrypted columns`,
    );
  }
  const tenantId = tenantValue === null ? null : idText(tenantValue);
  if (tenantId === undefined) {
    throw new CryptoError(
      'CRYPTO.MISSING_CONTEXT',
      `${encryption.entityName}.${encryption.tenantProperty} is not an id`,
    );
  }
  return { service, table: encryption.table, column: field.column, rowId, tenantId };
}

export function entityFieldContext(
  encryption: EntityEncryption,
  service: string,
  field: EncryptedField,
  entity: Readonly<Record<string, unknown>>,
): FieldContext {
  const tenant = encryption.tenantProperty === undefined ? null : entity[encryption.tenantProperty];
  return fieldContext(encryption, service, field, entity[encryption.primaryProperty], tenant);
}
