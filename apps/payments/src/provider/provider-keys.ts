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

/** Why a configured PEM key does not load (for the config check at boot), or undefined when it does or is empty. */
export function keyProblem(name: string, text: string, kind: 'private' | 'public'): string | undefined {
  try {
    if (kind === 'private') privateKeyFrom(text);
    else publicKeyFrom(text);
    return undefined;
  } catch {
    return `${name}: not a ${kind === 'private' ? 'PKCS#8 private' : 'SPKI public'} key in PEM (\\n escapes allowed)`;
  }
}
