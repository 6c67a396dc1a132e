const ROOT_ORDER = ['openapi', 'info', 'security', 'paths', 'components'];

function sortKeys(value: unknown, keepOrder: boolean): unknown {
  if (Array.isArray(value)) return value.map((item) => sortKeys(item, false));
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  if (!keepOrder) entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  // A schema's `properties` keep the DTO's source order: it is the order a reader (and a form) expects.
  return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v, k === 'properties')]));
}

/**
 * Pretty-printed JSON with a stable key order (the document's conventional top-level order, then keys sorted,
 * except schema properties), ending in a newline: the same document always gives the same text.
 */
export function canonicalJson(document: Record<string, unknown>): string {
  const sorted = sortKeys(document, false) as Record<string, unknown>;
  const ordered: Record<string, unknown> = {};
  for (const key of ROOT_ORDER) if (key in sorted) ordered[key] = sorted[key];
  for (const [key, value] of Object.entries(sorted)) if (!(key in ordered)) ordered[key] = value;
  return `${JSON.stringify(ordered, null, 2)}\n`;
}
