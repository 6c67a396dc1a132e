/** RFC 4648 base32 without padding: upper-case letters and 2–7, nothing to confuse when typed. */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export const VERIFICATION_CODE_PATTERN = /^[A-Z2-7]{24}$/;

/** 24 base32 characters from 15 random bytes (120 bits): not guessable, printable, typeable. Pure. */
export function verificationCodeOf(random: Buffer): string {
  if (random.length !== 15) throw new Error('a verification code needs 15 random bytes');
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of random) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

/** Codes as people type them: spaces and dashes dropped, lower case accepted. */
export function normaliseVerificationCode(input: string): string {
  return input.replace(/[\s-]/g, '').toUpperCase();
}
