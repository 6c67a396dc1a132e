import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { issueTestToken } from '@exam/testing';

import { SEEDED_PERSONS } from '../../../authority-sim/src/registry/test-persons';
import { FaceChallengeEntity } from '../../src/face/face-challenge.entity';
import type { LivenessStep } from '../../src/face/face-liveness';
import { RealNameFaceChallengeEntity } from '../../src/real-name/face/real-name-face-challenge.entity';

/**
 * Test data of identity's e2e tests in one place: persons and ID numbers, users and their tokens, face images
 * and challenge rows. ID-number generators for property tests are in `id-number.arbitraries.ts` beside this.
 */

/** Labelled test faces, outside the repository (`../shared/testdata/faces` next to the checkout). */
export const FACES_DIR = resolve(__dirname, '../../../..', '../shared/testdata/faces');

export const faceImage = (relative: string): Buffer => readFileSync(resolve(FACES_DIR, relative));

export const faceImageBase64 = (relative: string): string => faceImage(relative).toString('base64');

export const newUserId = (): string => randomUUID();

/** `Authorization` header value for a test access token (see issueTestToken for the options). */
export const bearer = (options?: Parameters<typeof issueTestToken>[0]): string =>
  `Bearer ${issueTestToken(options)}`;

export interface PersonInput {
  readonly name: string;
  readonly idNumber: string;
  readonly validFrom: string;
  readonly validTo: string;
}

/** A person the authority simulator holds (apps/authority-sim/src/registry/test-persons.ts), as a verify body. */
export function seededPerson(name: string): PersonInput {
  const person = SEEDED_PERSONS.find((p) => p.name === name);
  if (person === undefined) throw new Error(`no seeded person ${name}`);
  return {
    name: person.name,
    idNumber: person.idNumber,
    validFrom: person.validFrom,
    validTo: person.validTo,
  };
}

const MINUTE_MS = 60_000;

/**
 * Capture times of a three-frame answer, in ms since the challenge: one quick session, in order, and within the
 * clock slack even when the server's clock has not moved since it issued the challenge (a TestClock).
 */
export const FRAME_TIMES_MS: readonly number[] = [300, 900, 1_500];

/** A face-check challenge row expiring at `expiresAt`, used a minute before if `used`. */
export function faceChallengeRow(expiresAt: Date, used: boolean): FaceChallengeEntity {
  return Object.assign(new FaceChallengeEntity(), {
    id: randomUUID(),
    userId: newUserId(),
    purpose: 'exam_entry',
    examId: null,
    ref: null,
    nonce: 'n'.repeat(43),
    steps: ['turn_left', 'look_straight', 'turn_right'] satisfies LivenessStep[],
    createdAt: new Date(expiresAt.getTime() - 2 * MINUTE_MS),
    expiresAt,
    usedAt: used ? new Date(expiresAt.getTime() - MINUTE_MS) : null,
  });
}

/** A real-name face-step challenge row expiring at `expiresAt`, used a minute before if `used`. */
export function realNameChallengeRow(expiresAt: Date, used: boolean): RealNameFaceChallengeEntity {
  return Object.assign(new RealNameFaceChallengeEntity(), {
    id: randomUUID(),
    userId: newUserId(),
    nonce: 'n'.repeat(43),
    steps: ['look_straight', 'turn_right', 'turn_left'] satisfies LivenessStep[],
    createdAt: new Date(expiresAt.getTime() - 2 * MINUTE_MS),
    expiresAt,
    usedAt: used ? new Date(expiresAt.getTime() - MINUTE_MS) : null,
  });
}
