import { NormalizationKind } from '../normalize';

export interface BlindIndexDeclaration {
  /** The column property holding the digest. */
  readonly indexProperty: string;
  /** An @EncryptedColumn property of the same entity. */
  readonly sourceProperty: string;
  readonly kind: NormalizationKind;
  /** The blind-index key this column is computed with; a second column with a newer key id is an index rotation. */
  readonly keyId: string;
  /** Overrides the default domain `<service>/<table>.<encrypted column>`, e.g. to share lookups across tables. */
  readonly domain?: string;
}

export interface EntityEncryptionDeclaration {
  readonly tenantProperty?: string;
  readonly encryptedProperties: readonly string[];
  readonly indexes: readonly BlindIndexDeclaration[];
}

interface MutableDeclaration {
  tenantProperty?: string;
  encryptedProperties: string[];
  indexes: BlindIndexDeclaration[];
}

const declarations = new Map<object, MutableDeclaration>();

function own(entityClass: object): MutableDeclaration {
  let declaration = declarations.get(entityClass);
  if (declaration === undefined) {
    declaration = { encryptedProperties: [], indexes: [] };
    declarations.set(entityClass, declaration);
  }
  return declaration;
}

export function declareEncryptedProperty(entityClass: object, property: string): void {
  own(entityClass).encryptedProperties.push(property);
}

export function declareBlindIndex(entityClass: object, declaration: BlindIndexDeclaration): void {
  own(entityClass).indexes.push(declaration);
}

export function declareTenantProperty(entityClass: object, tenantProperty: string): void {
  own(entityClass).tenantProperty = tenantProperty;
}

/** Merges declarations along the class chain, so an entity inherits the encrypted columns of its base class. */
export function entityEncryptionDeclaration(entityClass: unknown): EntityEncryptionDeclaration | undefined {
  const merged: MutableDeclaration = { encryptedProperties: [], indexes: [] };
  let found = false;
  for (
    let current: unknown = entityClass;
    typeof current === 'function';
    current = Object.getPrototypeOf(current)
  ) {
    const declaration = declarations.get(current);
    if (declaration === undefined) continue;
    found = true;
    merged.encryptedProperties.push(...declaration.encryptedProperties);
    merged.indexes.push(...declaration.indexes);
    merged.tenantProperty ??= declaration.tenantProperty;
  }
  return found ? merged : undefined;
}
