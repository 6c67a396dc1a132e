/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from 0-9 and the capital letters without I, O, Z, S and V;
 * characters 3 to 8 are the administrative division (digits); the 18th is a check character over the first
 * 17 (weights 3^i mod 31). Lower case and surrounding blanks are accepted and normalized.
 */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export type TaxIdCheck =
  { readonly ok: true; readonly value: string } | { readonly ok: false; readonly reason: string };

export function normalizeTaxId(raw: string): string {
  return raw.trim().toUpperCase();
}

/** The check character the first 17 characters call for (they must come from the charset). */
export function taxIdCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += CHARSET.indexOf(first17.charAt(i)) * (WEIGHTS[i] ?? 0);
  return CHARSET.charAt((31 - (sum % 31)) % 31);
}

/** Whether `raw` is a well-formed unified social credit code; the reason says what to correct. */
export function checkUnifiedSocialCreditCode(raw: string): TaxIdCheck {
  const value = normalizeTaxId(raw);
  if (value.length !== 18)
    return {
      ok: false,
      reason: `A unified social credit code has 18 characters; this one has ${value.length}. Copy it from the business licence.`,
    };
  const bad = Array.from({ length: value.length }, (_, i) => value.charAt(i)).findIndex(
    (c) => !CHARSET.includes(c),
  );
  if (bad >= 0)
    return {
      ok: false,
      reason: `Character ${bad + 1} ("${value.charAt(bad)}") cannot appear in a unified social credit code: it uses digits and capital letters except I, O, Z, S and V.`,
    };
  if (!/^\d{6}$/.test(value.slice(2, 8)))
    return {
      ok: false,
      reason: 'Characters 3 to 8 of a unified social credit code are the region code and must be digits.',
    };
  const expected = taxIdCheckCharacter(value.slice(0, 17));
  if (value.charAt(17) !== expected)
    return {
      ok: false,
      reason:
        'The last character (check character) does not match the first 17: a character was probably mistyped. Compare it with the business licence.',
    };
  return { ok: true, value };
}
