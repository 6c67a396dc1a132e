import { createHash, timingSafeEqual } from 'node:crypto';

export interface GuardianIdentifiers {
  readonly name: string;
  readonly idNumber: string;
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/**
 * Whether the identifiers presented now are those of the guardian who consented: name compared after NFC (as
 * validation stored it), ID number with an upper-case check character. Constant time, so the comparison does not
 * tell how much of the number was right.
 */
export function guardianMatches(stored: GuardianIdentifiers, presented: GuardianIdentifiers): boolean {
  const sameName = timingSafeEqual(
    digest(stored.name.normalize('NFC')),
    digest(presented.name.normalize('NFC')),
  );
  const sameNumber = timingSafeEqual(
    digest(stored.idNumber.toUpperCase()),
    digest(presented.idNumber.toUpperCase()),
  );
  return sameName && sameNumber;
}
