const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';
const SHAPE = /^[1-9][0-9]{16}[0-9X]$/;
/** Provincial-level codes (GB/T 2260), first two digits of every resident ID; 83 is Taiwan residents' permits. */
const PROVINCE_CODES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61,
  62, 63, 64, 65, 71, 81, 82, 83, 91,
]);
const EARLIEST_BIRTH_YEAR = 1900;

/** ISO 7064 MOD 11-2 check character for the first 17 digits (GB 11643). */
export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i];
  return CHECK_CHARS.charAt(sum % 11);
}

function isPlausibleBirthDate(year: number, month: number, day: number, now: Date): boolean {
  if (year < EARLIEST_BIRTH_YEAR || month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return false;
  return date.getTime() <= now.getTime();
}

/**
 * An 18-character resident ID number: known province code, real birth date between 1900 and today, and a
 * matching check character. Expects normalized input (upper-case X); lower-case x is accepted too.
 */
export function isValidResidentId(value: string, now: Date = new Date()): boolean {
  const id = value.length === 18 && value.endsWith('x') ? `${value.slice(0, 17)}X` : value;
  if (!SHAPE.test(id)) return false;
  if (!PROVINCE_CODES.has(Number(id.slice(0, 2)))) return false;
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  if (!isPlausibleBirthDate(year, month, day, now)) return false;
  return residentIdCheckChar(id) === id.charAt(17);
}
