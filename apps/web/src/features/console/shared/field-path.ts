/** A form field's name path (antd `NamePath`), from a server field such as `settings.registrationForm[2].key`. */
export type NamePath = (string | number)[];

/** Splits `a.b[2].c` or `a.b.2.c` (class-validator's form) into `['a', 'b', 2, 'c']`. */
export function namePathOf(field: string): NamePath {
  return field
    .split(/[.[\]]+/)
    .filter((part) => part !== '')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

export interface ServerDetail {
  field?: string;
  reason: string;
}

/** The `{ field, reason }` entries of an error's details (other shapes are ignored). */
export function detailsOf(details: unknown): ServerDetail[] {
  if (!Array.isArray(details)) return [];
  const out: ServerDetail[] = [];
  for (const entry of details as unknown[]) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { field, reason } = entry as { field?: unknown; reason?: unknown };
    if (typeof reason !== 'string') continue;
    out.push(typeof field === 'string' ? { field, reason } : { reason });
  }
  return out;
}
