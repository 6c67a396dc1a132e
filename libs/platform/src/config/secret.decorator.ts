import 'reflect-metadata';

const SECRET_KEYS = Symbol('platform:secret-keys');

/** Marks a config field as a secret: production refuses placeholder values for it. */
export function Secret(): PropertyDecorator {
  return (target, key) => {
    const existing = (Reflect.getMetadata(SECRET_KEYS, target) as string[] | undefined) ?? [];
    Reflect.defineMetadata(SECRET_KEYS, [...existing, String(key)], target);
  };
}

export function secretKeysOf(instance: object): string[] {
  return (Reflect.getMetadata(SECRET_KEYS, instance) as string[] | undefined) ?? [];
}

const PLACEHOLDER =
  /(change[-_ ]?me|placeholder|example|dev[-_]only|insecure|not[-_]a[-_]secret|^x+$|^0+$|^secret$|^password$)/i;

export function looksLikePlaceholder(value: string): boolean {
  return value.trim().length < 16 || PLACEHOLDER.test(value);
}
