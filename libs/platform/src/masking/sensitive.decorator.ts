import { maskValue, SensitiveKind } from '@exam/crypto/masking';

const declared = new Map<object, Map<string, SensitiveKind>>();
const resolved = new WeakMap<object, ReadonlyMap<string, SensitiveKind> | null>();

/** >0 while a masking serialization runs; JSON.stringify is synchronous, so no other code can observe it. */
let maskingDepth = 0;

/** Runs `work` (a JSON.stringify or a body walk) with @Sensitive DTOs serializing in masked form. */
export function withSensitiveMasking<T>(work: () => T): T {
  maskingDepth += 1;
  try {
    return work();
  } finally {
    maskingDepth -= 1;
  }
}

export function maskDeclaredValue(kind: SensitiveKind, value: unknown): unknown {
  if (typeof value === 'string') return maskValue(kind, value);
  if (Array.isArray(value)) {
    return value.map((item: unknown) => (typeof item === 'string' ? maskValue(kind, item) : item));
  }
  return value;
}

/**
 * Installed as `toJSON` on classes with @Sensitive fields, so the native JSON.stringify walk does the masking.
 * Outside withSensitiveMasking it returns the object itself, which JSON.stringify then serializes as usual.
 */
function sensitiveToJSON(this: Record<string, unknown>): unknown {
  if (maskingDepth === 0) return this;
  const fields = sensitiveFieldsOf(this.constructor);
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(this)) {
    const kind = fields?.get(key);
    copy[key] = kind === undefined ? this[key] : maskDeclaredValue(kind, this[key]);
  }
  return copy;
}

/**
 * Declares a response DTO property as personal data of the given kind; it is replaced by its masked form (see
 * MASKING_POLICY) whenever MaskingInterceptor serializes a response. Works on string and string[] properties.
 * A class that defines its own toJSON is left alone and only gets the detector safety net.
 */
export function Sensitive(kind: SensitiveKind): PropertyDecorator {
  return (target: object, propertyKey: string | symbol): void => {
    const ctor = target.constructor;
    let fields = declared.get(ctor);
    if (fields === undefined) {
      fields = new Map();
      declared.set(ctor, fields);
    }
    fields.set(String(propertyKey), kind);
    if (!('toJSON' in target)) {
      Object.defineProperty(target, 'toJSON', { value: sensitiveToJSON, writable: true, configurable: true });
    }
  };
}

/** Own and inherited @Sensitive fields of a class, merged once and cached; undefined when there are none. */
export function sensitiveFieldsOf(ctor: unknown): ReadonlyMap<string, SensitiveKind> | undefined {
  if (typeof ctor !== 'function' || ctor === Object) return undefined;
  const cached = resolved.get(ctor);
  if (cached !== undefined) return cached ?? undefined;
  const chain: object[] = [];
  for (let current: unknown = ctor; typeof current === 'function'; current = Object.getPrototypeOf(current)) {
    chain.unshift(current);
  }
  const merged = new Map<string, SensitiveKind>();
  for (const klass of chain) for (const [key, kind] of declared.get(klass) ?? []) merged.set(key, kind);
  const result = merged.size === 0 ? null : merged;
  resolved.set(ctor, result);
  return result ?? undefined;
}
