/** Deeper bodies are refused before parsing: validation recurses per level and would overflow the stack. */
export const MAX_JSON_DEPTH = 64;

/** A request body that is not acceptable JSON, with a reason a person can act on (answered 400). */
export class MalformedJsonError extends Error {
  readonly statusCode = 400;

  constructor(reason: string) {
    super(`The request body is not acceptable JSON: ${reason}.`);
    this.name = 'MalformedJsonError';
  }
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i += 1;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth += 1;
      if (depth > deepest) deepest = depth;
      if (deepest > MAX_JSON_DEPTH) return deepest;
    } else if (c === 0x5d || c === 0x7d) depth -= 1;
  }
  return deepest;
}

function findLoneSurrogate(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return LONE_SURROGATE.test(value) ? path : undefined;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findLoneSurrogate(item, `${path}[${i}]`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (LONE_SURROGATE.test(key)) return `${path}.<key>`;
      const found = findLoneSurrogate(item, path === '' ? key : `${path}.${key}`);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/**
 * Parses a JSON request body, refusing what the validators downstream cannot take safely: nesting deeper than
 * MAX_JSON_DEPTH and strings holding lone UTF-16 surrogates (malformed Unicode, which `\uD800` escapes can
 * smuggle past UTF-8 decoding). An empty body is no body.
 */
export function parseStrictJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  assertJsonDepth(text);
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (error: unknown) {
    throw new MalformedJsonError(error instanceof Error ? error.message : 'unreadable');
  }
  assertWellFormedStrings(value);
  return value;
}

/** Refuses JSON text nested deeper than MAX_JSON_DEPTH, without parsing it (no recursion, no stack). */
export function assertJsonDepth(text: string): void {
  if (nestingDepth(text) > MAX_JSON_DEPTH)
    throw new MalformedJsonError(`nested deeper than ${MAX_JSON_DEPTH} levels`);
}

/** Refuses a parsed body with a lone UTF-16 surrogate in any string or key, naming where. */
export function assertWellFormedStrings(value: unknown): void {
  const where = findLoneSurrogate(value, '');
  if (where !== undefined)
    throw new MalformedJsonError(
      `${where === '' ? 'the body' : where} holds malformed Unicode (a lone surrogate)`,
    );
}
