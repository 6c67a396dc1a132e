import { defineErrorCodes } from '@exam/platform';

/**
 * The one code table of the IDENTITY area: ID-number and name rules, real-name verification, guardian consent,
 * appeals and the authority. The codes were published as `IDENTITY.*` before the tables existed, so they keep
 * that area (a published code is never renamed); the error classes live in their feature's `*.errors.ts`.
 */
export const IdentityErrorCode = defineErrorCodes('IDENTITY', {
  ID_NUMBER_LENGTH: {
    kind: 'invalid',
    meaning: 'The ID number has neither 18 nor 15 characters.',
    action: 'Enter the 18-character number exactly as printed on the ID card.',
  },
  ID_NUMBER_FORMAT: {
    kind: 'invalid',
    meaning: 'The ID number has characters other than digits and a final X.',
    action: 'Enter the number exactly as printed on the ID card.',
  },
  ID_NUMBER_PROVINCE: {
    kind: 'invalid',
    meaning: 'The first two digits of the ID number are no province code.',
    action: 'Check the first digits against the ID card.',
  },
  ID_NUMBER_BIRTH_DATE: {
    kind: 'invalid',
    meaning: 'The date of birth encoded in the ID number is not a real or plausible date.',
    action: 'Check digits 7 to 14 against the ID card.',
  },
  ID_NUMBER_CHECKSUM: {
    kind: 'invalid',
    meaning: 'The check character of the ID number does not fit the other digits (a typo).',
    action: 'Compare every digit with the ID card.',
  },
  ID_NUMBER_LEGACY: {
    kind: 'invalid',
    meaning: 'A 15-digit number of an older card that cannot be converted.',
    action: 'Enter the 18-character number of the current ID card.',
  },
  NAME_EMPTY: {
    kind: 'invalid',
    meaning: 'The name is empty.',
    action: 'Enter the name exactly as printed on the ID card.',
  },
  NAME_LENGTH: {
    kind: 'invalid',
    meaning: 'The name is too short or too long for its script.',
    action: 'Enter the full name exactly as printed on the ID card.',
  },
  NAME_CHARACTERS: {
    kind: 'invalid',
    meaning: 'The name has characters no name on an ID card has (digits, symbols, emoji).',
    action: 'Enter the name exactly as printed on the ID card.',
  },
  NAME_MIXED_SCRIPTS: {
    kind: 'invalid',
    meaning: 'The name mixes Chinese characters and Latin letters.',
    action: 'Enter the name in the script printed on the ID card.',
  },
  NAME_SEPARATOR: {
    kind: 'invalid',
    meaning: 'A middle dot or hyphen of the name is misplaced or doubled.',
    action: 'Separate the parts of the name with single separators, as on the ID card.',
  },
  VALIDITY_PERIOD: {
    kind: 'invalid',
    meaning: 'The ID card validity period is not a real period.',
    action: 'Enter both dates as printed on the card, the end after the start, or long-term.',
  },
  ALREADY_VERIFIED: {
    kind: 'conflict',
    meaning: 'The caller’s real name is already verified.',
    action: 'To correct it, file a change request appeal.',
  },
  ALREADY_FACE_VERIFIED: {
    kind: 'conflict',
    meaning: 'The caller’s real name is already verified with the face step.',
    action: 'Nothing to do: exams that check faces at entry accept this account.',
  },
  ID_NUMBER_ALREADY_VERIFIED: {
    kind: 'conflict',
    meaning: 'The ID number is already verified on another account.',
    action: 'If it is yours, file an id_number_taken appeal; staff will review it.',
  },
  ATTEMPT_BUDGET_EXHAUSTED: {
    kind: 'too_many',
    meaning: 'All real-name verification attempts of today are used.',
    action: 'Try again tomorrow (China time).',
  },
  GUARDIAN_CONSENT_REQUIRED: {
    kind: 'unprocessable',
    meaning: 'The ID number belongs to a child under 14; a guardian must consent first.',
    action: 'Send again with the guardian’s name, ID number and relationship.',
  },
  GUARDIAN_NOT_ADULT: {
    kind: 'unprocessable',
    meaning: 'The guardian named is under 18.',
    action: 'Name a guardian who is at least 18 years old.',
  },
  GUARDIAN_VERIFICATION_FAILED: {
    kind: 'unprocessable',
    meaning: 'The authority could not verify the guardian’s name and ID number.',
    action: 'Check the guardian’s data against their ID card.',
  },
  GUARDIAN_CONSENT_NOT_FOUND: {
    kind: 'not_found',
    meaning: 'No guardian consent is on file for this account.',
    action: 'Nothing to withdraw.',
  },
  GUARDIAN_MISMATCH: {
    kind: 'forbidden',
    meaning: 'The name and ID number are not those of the guardian who consented.',
    action: 'Only the consenting guardian can withdraw; each try costs one of the day’s attempts.',
  },
  AUTHORITY_RATE_LIMITED: {
    kind: 'unavailable',
    meaning: 'The real-name authority is rate limiting us; nothing was decided about the data.',
    action: 'Try again in a few minutes.',
  },
  AUTHORITY_UNAVAILABLE: {
    kind: 'unavailable',
    meaning: 'The real-name authority could not answer; nothing was decided about the data.',
    action: 'Try again in a few minutes.',
  },
  AUTHORITY_NOTIFICATION_REJECTED: {
    kind: 'unauthenticated',
    meaning: 'An authority notification had a bad signature or a stale timestamp.',
    action: 'Sign notifications with the shared secret and a current timestamp (authority contract).',
  },
  REAL_NAME_NOT_VERIFIED: {
    kind: 'not_found',
    meaning: 'The caller has no verified real name yet.',
    action: 'Verify at POST /api/identity/real-name/verifications.',
  },
  APPEAL_ALREADY_OPEN: {
    kind: 'conflict',
    meaning: 'The caller already has an open appeal of this kind.',
    action: 'Wait for staff to answer it.',
  },
  APPEAL_NOT_APPLICABLE: {
    kind: 'unprocessable',
    meaning: 'This kind of appeal does not apply to the caller’s situation.',
    action: 'Read the message; verify directly where it says so.',
  },
  APPEAL_NOT_FOUND: {
    kind: 'not_found',
    meaning: 'No appeal has this id.',
    action: 'List the appeals and pick one.',
  },
  APPEAL_ALREADY_DECIDED: {
    kind: 'conflict',
    meaning: 'The appeal has already been decided.',
    action: 'Nothing to do; decisions are final.',
  },
});
