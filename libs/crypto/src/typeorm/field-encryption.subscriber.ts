import {
  DataSource,
  EntityMetadata,
  EntitySubscriberInterface,
  EntityTarget,
  FindOptionsWhere,
  InsertEvent,
  LoadEvent,
  ObjectLiteral,
  UpdateEvent,
} from 'typeorm';

import { BlindIndex } from '../blind-index';
import { CryptoError, isCryptoError } from '../crypto.errors';
import { FieldCipher } from '../field-cipher';
import { noteFieldEncryptionRegistered } from './column-guards';
import {
  EncryptedField,
  EntityEncryption,
  entityFieldContext,
  resolveEntityEncryption,
} from './entity-encryption';

export interface FieldEncryptionOptions {
  /** Bound into every value, so one service's ciphertext never decrypts in another's tables. */
  readonly service: string;
  readonly cipher: FieldCipher;
  /** Required as soon as an entity declares a @BlindIndexColumn. */
  readonly blindIndex?: BlindIndex;
}

interface PendingWrite {
  readonly plaintext: string;
  readonly ciphertext: string;
}

type Row = Record<string, unknown>;

/** TypeORM types entities as `any`-valued records; reading them as `unknown` keeps every access checked. */
function asRow(entity: ObjectLiteral): Row {
  return entity;
}

/**
 * Keeps @EncryptedColumn properties plaintext in memory and ciphertext in the database: decrypts after load,
 * swaps in ciphertext just before insert/update (TypeORM has already diffed the plaintexts by then, so an
 * unchanged value is not rewritten), and swaps the plaintext back after the write.
 */
export class FieldEncryptionSubscriber implements EntitySubscriberInterface<ObjectLiteral> {
  private readonly pending = new WeakMap<object, Map<string, PendingWrite>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: FieldEncryptionOptions,
  ) {}

  afterLoad(entity: ObjectLiteral, event?: LoadEvent<ObjectLiteral>): void {
    const encryption = this.encryptionOf(event?.metadata ?? this.metadataOf(entity));
    if (encryption === undefined) return;
    const row = asRow(entity);
    for (const field of encryption.fields) {
      const stored = row[field.property];
      if (stored === undefined || stored === null) continue;
      if (typeof stored !== 'string') {
        throw new CryptoError(
          'CRYPTO.MAPPING_INVALID',
          `${encryption.entityName}.${field.property} must be a string column`,
        );
      }
      row[field.property] = this.at(encryption, field, () =>
        this.options.cipher.decrypt(stored, entityFieldContext(encryption, this.options.service, field, row)),
      );
    }
  }

  beforeInsert(event: InsertEvent<ObjectLiteral>): void {
    const encryption = this.encryptionOf(event.metadata);
    const entity = event.entity as ObjectLiteral | undefined;
    if (encryption === undefined || entity === undefined) return;
    const row = asRow(entity);
    const written = this.encryptFields(row, encryption, encryption.fields);
    this.computeIndexes(row, encryption, written, true);
  }

  beforeUpdate(event: UpdateEvent<ObjectLiteral>): void {
    const encryption = this.encryptionOf(event.metadata);
    if (encryption === undefined || event.entity === undefined) return;
    const row = asRow(event.entity);
    if ((event.databaseEntity as ObjectLiteral | undefined) === undefined) {
      this.refuseQueryBuilderWrite(row, encryption);
      return;
    }
    const changed = new Set(event.updatedColumns.map((column) => column.propertyName));
    // Values are bound to their tenant: moving a row re-encrypts all of them, not only the changed ones.
    const moved = encryption.tenantProperty !== undefined && changed.has(encryption.tenantProperty);
    if (moved) this.requireAllLoaded(row, encryption);
    const written = this.encryptFields(
      row,
      encryption,
      encryption.fields.filter((field) => moved || changed.has(field.property)),
    );
    this.computeIndexes(row, encryption, written, false);
  }

  afterInsert(event: InsertEvent<ObjectLiteral>): void {
    const entity = event.entity as ObjectLiteral | undefined;
    this.restorePlaintexts(entity === undefined ? undefined : asRow(entity));
  }

  afterUpdate(event: UpdateEvent<ObjectLiteral>): void {
    this.restorePlaintexts(event.entity === undefined ? undefined : asRow(event.entity));
  }

  /**
   * A where clause matching the normalized value through the blind-index column of the active index key:
   * `repo.findOneBy(fieldEncryption.blindIndexWhere(Candidate, 'idNumber', input))`.
   */
  blindIndexWhere<T extends ObjectLiteral>(
    target: EntityTarget<T>,
    sourceProperty: keyof T & string,
    value: string,
  ): FindOptionsWhere<T> {
    const metadata = this.dataSource.getMetadata(target);
    const blindIndex = this.requireBlindIndex(metadata.name);
    const index = this.encryptionOf(metadata)?.indexes.find(
      (candidate) =>
        candidate.sourceProperty === sourceProperty && candidate.keyId === blindIndex.activeKeyId,
    );
    if (index === undefined) {
      throw new CryptoError(
        'CRYPTO.MAPPING_INVALID',
        `${metadata.name}.${sourceProperty} has no blind-index column for the active index key "${blindIndex.activeKeyId}"`,
      );
    }
    return {
      [index.indexProperty]: blindIndex.compute(value, index.spec, index.keyId),
    } as FindOptionsWhere<T>;
  }

  /** Resolves every mapped entity and checks index key ids now, so a bad mapping fails at startup. */
  validateMappings(): void {
    for (const metadata of this.dataSource.entityMetadatas) {
      const encryption = this.encryptionOf(metadata);
      if (encryption === undefined || encryption.indexes.length === 0) continue;
      const blindIndex = this.requireBlindIndex(metadata.name);
      for (const index of encryption.indexes) {
        if (!blindIndex.hasKey(index.keyId)) {
          throw new CryptoError(
            'CRYPTO.UNKNOWN_KEY',
            `${metadata.name}.${index.indexProperty} uses blind-index key "${index.keyId}", which is not configured`,
          );
        }
      }
    }
  }

  private encryptionOf(metadata: EntityMetadata | undefined): EntityEncryption | undefined {
    return metadata === undefined ? undefined : resolveEntityEncryption(metadata, this.options.service);
  }

  private metadataOf(entity: ObjectLiteral): EntityMetadata | undefined {
    return this.dataSource.entityMetadatas.find((metadata) => metadata.target === entity.constructor);
  }

  private requireBlindIndex(entityName: string): BlindIndex {
    if (this.options.blindIndex === undefined) {
      throw new CryptoError(
        'CRYPTO.MAPPING_INVALID',
        `${entityName} declares blind indexes but no BlindIndex is configured`,
      );
    }
    return this.options.blindIndex;
  }

  /** Returns property → plaintext of the fields it encrypted, for the blind indexes. */
  private encryptFields(
    row: Row,
    encryption: EntityEncryption,
    fields: readonly EncryptedField[],
  ): Map<string, string> {
    const written = new Map<string, string>();
    for (const field of fields) {
      const value = row[field.property];
      if (value === undefined || value === null) continue;
      if (typeof value !== 'string') {
        throw new CryptoError(
          'CRYPTO.INVALID_INPUT',
          `${encryption.entityName}.${field.property} must be a string or null`,
        );
      }
      // After a failed save the property still holds the ciphertext swapped in for it; encrypt the original.
      const previous = this.pending.get(row)?.get(field.property);
      const plaintext = previous?.ciphertext === value ? previous.plaintext : value;
      const ciphertext = this.at(encryption, field, () =>
        this.options.cipher.encrypt(
          plaintext,
          entityFieldContext(encryption, this.options.service, field, row),
        ),
      );
      row[field.property] = ciphertext;
      this.remember(row, field.property, { plaintext, ciphertext });
      written.set(field.property, plaintext);
    }
    return written;
  }

  /**
   * Digests follow every write of their source. On update a missing digest is also filled from the (still
   * plaintext) source: the lazy half of a blind-index backfill.
   */
  private computeIndexes(
    row: Row,
    encryption: EntityEncryption,
    written: Map<string, string>,
    insert: boolean,
  ): void {
    for (const index of encryption.indexes) {
      const source = row[index.sourceProperty];
      if (source === undefined) continue;
      if (source === null) {
        row[index.indexProperty] = null;
        continue;
      }
      let plaintext = written.get(index.sourceProperty);
      if (plaintext === undefined) {
        const missing = row[index.indexProperty] === null || row[index.indexProperty] === undefined;
        if (insert || !missing || typeof source !== 'string') continue;
        plaintext = source;
      }
      row[index.indexProperty] = this.requireBlindIndex(encryption.entityName).compute(
        plaintext,
        index.spec,
        index.keyId,
      );
    }
  }

  private requireAllLoaded(row: Row, encryption: EntityEncryption): void {
    const missing = encryption.fields.find((field) => row[field.property] === undefined);
    if (missing !== undefined) {
      throw new CryptoError(
        'CRYPTO.MISSING_CONTEXT',
        `${encryption.entityName}: moving a row to another tenant re-encrypts every encrypted column; ` +
          `load ${missing.property} before saving`,
      );
    }
  }

  private refuseQueryBuilderWrite(values: Row, encryption: EntityEncryption): void {
    for (const field of encryption.fields) {
      const value = values[field.property];
      if (value !== undefined && value !== null) {
        throw new CryptoError(
          'CRYPTO.MISSING_CONTEXT',
          `${encryption.entityName}.${field.property} can only be written by saving or inserting entities; ` +
            'a query-builder update has no row id to bind the value to',
        );
      }
    }
  }

  private restorePlaintexts(row: Row | undefined): void {
    if (row === undefined) return;
    const pending = this.pending.get(row);
    if (pending === undefined) return;
    for (const [property, write] of pending) {
      if (row[property] === write.ciphertext) row[property] = write.plaintext;
    }
    this.pending.delete(row);
  }

  private remember(row: Row, property: string, write: PendingWrite): void {
    let pending = this.pending.get(row);
    if (pending === undefined) {
      pending = new Map();
      this.pending.set(row, pending);
    }
    pending.set(property, write);
  }

  private at<T>(encryption: EntityEncryption, field: EncryptedField, operation: () => T): T {
    try {
      return operation();
    } catch (error: unknown) {
      if (!isCryptoError(error)) throw error;
      throw new CryptoError(error.code, `${encryption.table}.${field.column}: ${error.detail}`);
    }
  }
}

/**
 * Attaches field encryption to an initialized DataSource and validates every encrypted entity mapping.
 * Subscribers listed in DataSource options are constructed without arguments, hence the explicit push.
 */
export function registerFieldEncryption(
  dataSource: DataSource,
  options: FieldEncryptionOptions,
): FieldEncryptionSubscriber {
  if (!dataSource.isInitialized) {
    throw new CryptoError(
      'CRYPTO.MAPPING_INVALID',
      'register field encryption after the DataSource is initialized',
    );
  }
  if (dataSource.subscribers.some((subscriber) => subscriber instanceof FieldEncryptionSubscriber)) {
    throw new CryptoError(
      'CRYPTO.MAPPING_INVALID',
      'field encryption is already registered on this DataSource',
    );
  }
  const subscriber = new FieldEncryptionSubscriber(dataSource, options);
  subscriber.validateMappings();
  dataSource.subscribers.push(subscriber);
  noteFieldEncryptionRegistered();
  return subscriber;
}
