import { DetectedKind, maskSensitiveNumbers, mayContainSensitiveNumber } from '@exam/crypto/masking';

import { withSensitiveMasking } from './sensitive.decorator';

export interface MaskingLeak {
  /** JSONPath-like location with array indices collapsed (`$.items[].note`), never the value. */
  readonly path: string;
  readonly kinds: readonly DetectedKind[];
}

export interface MaskedResponse {
  readonly body: unknown;
  readonly leaks: readonly MaskingLeak[];
}

const NO_LEAKS: readonly MaskingLeak[] = Object.freeze([]);

/** Values that serialize without strings worth scanning, or that are not serialized as JSON at all. */
export function isOpaque(value: object): boolean {
  return (
    value instanceof Date ||
    ArrayBuffer.isView(value) ||
    value instanceof ArrayBuffer ||
    value instanceof Map ||
    value instanceof Set ||
    typeof (value as { pipe?: unknown }).pipe === 'function'
  );
}

/**
 * Walks a body the way JSON.stringify sees it (own enumerable keys, toJSON honoured, so @Sensitive DTOs come
 * out masked) and masks ID numbers, mobiles and card numbers found in any string. Copy-on-write: untouched
 * objects are returned as they are, and the caller's objects are never mutated.
 */
class MaskingWalk {
  private readonly path: (string | number)[] = [];
  private leaks: MaskingLeak[] | undefined;

  run(body: unknown): MaskedResponse {
    const masked = this.visit(body);
    return { body: masked, leaks: this.leaks ?? NO_LEAKS };
  }

  private visit(value: unknown): unknown {
    if (typeof value === 'string') return this.scan(value);
    if (typeof value !== 'object' || value === null) return value;
    if (Array.isArray(value)) return this.visitArray(value);
    if (isOpaque(value)) return value;
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') {
      const json: unknown = toJSON.call(value);
      return json === value ? this.visitObject(value as Record<string, unknown>) : this.visit(json);
    }
    return this.visitObject(value as Record<string, unknown>);
  }

  private visitArray(array: readonly unknown[]): unknown {
    let copy: unknown[] | undefined;
    for (let i = 0; i < array.length; i++) {
      const item = array[i];
      if (typeof item !== 'string' && (typeof item !== 'object' || item === null)) continue;
      this.path.push(i);
      const next = this.visit(item);
      this.path.pop();
      if (next !== item) {
        copy ??= array.slice();
        copy[i] = next;
      }
    }
    return copy ?? array;
  }

  private visitObject(object: Record<string, unknown>): unknown {
    let copy: Record<string, unknown> | undefined;
    for (const key of Object.keys(object)) {
      const item = object[key];
      if (typeof item !== 'string' && (typeof item !== 'object' || item === null)) continue;
      this.path.push(key);
      const next = this.visit(item);
      this.path.pop();
      if (next !== item) {
        copy ??= { ...object };
        copy[key] = next;
      }
    }
    return copy ?? object;
  }

  private scan(text: string): string {
    if (!mayContainSensitiveNumber(text)) return text;
    const masked = maskSensitiveNumbers(text);
    if (masked === undefined) return text;
    (this.leaks ??= []).push({ path: this.currentPath(), kinds: masked.kinds });
    return masked.text;
  }

  private currentPath(): string {
    let result = '$';
    for (const segment of this.path) result += typeof segment === 'number' ? '[]' : `.${segment}`;
    return result;
  }
}

/** Object-level masking, for callers that need the body itself rather than its JSON. */
export function maskResponseBody(body: unknown): MaskedResponse {
  return withSensitiveMasking(() => new MaskingWalk().run(body));
}
