import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';

/** PEM from the environment; `\n` escapes (one-line env files) become newlines. Undefined when empty. */
function pem(text: string): string | undefined {
  const value = text.trim().replaceAll('\\n', '\n');
  return value === '' ? undefined : value;
}

export function privateKeyFrom(text: string): KeyObject | undefined {
  const value = pem(text);
  return value === undefined ? undefined : createPrivateKey(value);
}

export function publicKeyFrom(text: string): KeyObject | undefined {
  const value = pem(text);
  return value === undefined ? undefined : createPublicKey(value);
}

export function headerValue(
  headers: Readonly<Record<string, string | string[] | undefined>>,
  name: string,
): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}
