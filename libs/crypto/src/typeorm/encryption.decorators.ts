import { Column, ColumnOptions } from 'typeorm';

import { NormalizationKind } from '../normalize';
import { blindIndexColumnGuard, encryptedColumnGuard } from './column-guards';
import {
  declareBlindIndex,
  declareEncryptedProperty,
  declareTenantProperty,
} from './encryption-declarations';

export type EncryptedColumnOptions = Omit<ColumnOptions, 'type' | 'transformer' | 'length' | 'unique'> & {
  /** `text` for long values (addresses); otherwise varchar(length). */
  readonly type?: 'varchar' | 'text';
  /** Stored length ≈ 4/3 × (28 + UTF-8 bytes of the plaintext) + 6 + key id length. Default 512. */
  readonly length?: number;
};

/**
 * A string column that is encrypted at rest and a plain string in memory. The FieldEncryptionSubscriber
 * decrypts it after load, and encrypts it before insert/update with the row id (and tenant) bound in.
 *
 * ```ts
 * @EncryptedColumn({ name: 'id_number', nullable: true })
 * idNumber: string | null = null;
 * ```
 */
export function EncryptedColumn(options: EncryptedColumnOptions = {}): PropertyDecorator {
  const { type = 'varchar', length = 512, ...rest } = options;
  const column = Column({
    ...rest,
    type,
    ...(type === 'varchar' ? { length } : {}),
    transformer: encryptedColumnGuard,
  });
  return (target: object, propertyKey: string | symbol): void => {
    declareEncryptedProperty(target.constructor, String(propertyKey));
    column(target, propertyKey);
  };
}

export type BlindIndexColumnOptions = Omit<ColumnOptions, 'type' | 'transformer' | 'length'> & {
  readonly source: string;
  readonly kind: NormalizationKind;
  readonly keyId: string;
  readonly domain?: string;
};

/**
 * CHAR(64) holding the HMAC of the normalized source value under one named index key; make it `unique` for
 * values that must be unique. Computed by the subscriber on every write of the source.
 */
export function BlindIndexColumn(options: BlindIndexColumnOptions): PropertyDecorator {
  const { source, kind, keyId, domain, ...rest } = options;
  const column = Column({ ...rest, type: 'char', length: 64, transformer: blindIndexColumnGuard });
  return (target: object, propertyKey: string | symbol): void => {
    declareBlindIndex(target.constructor, {
      indexProperty: String(propertyKey),
      sourceProperty: source,
      kind,
      keyId,
      ...(domain === undefined ? {} : { domain }),
    });
    column(target, propertyKey);
  };
}

/** Binds every encrypted column of the entity to the row's tenant as well. */
export function EncryptedEntity(options: { readonly tenantProperty: string }): ClassDecorator {
  return (target): void => {
    declareTenantProperty(target, options.tenantProperty);
  };
}
