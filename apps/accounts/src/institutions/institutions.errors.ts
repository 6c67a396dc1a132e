import { DomainError, NotFoundError } from '@exam/platform';

export const institutionNotFound = (): DomainError =>
  new NotFoundError('INSTITUTIONS.NOT_FOUND', 'No institution with this id.');

export const invitationInvalid = (): DomainError =>
  new DomainError(
    'INSTITUTIONS.INVITATION_INVALID',
    'gone',
    'This invitation is unknown, used or expired; ask for a new one.',
  );

export const invitationNotForYou = (): DomainError =>
  new DomainError(
    'INSTITUTIONS.INVITATION_NOT_FOR_YOU',
    'forbidden',
    'This invitation was sent to another phone or email; sign in with the account that owns it.',
  );

export const oneContactOnly = (first: string, second: string): DomainError =>
  new DomainError('REQUEST.INVALID', 'invalid', `Give either ${first} or ${second}, not both.`, [
    { field: second, reason: `give either ${first} or ${second}, not both` },
  ]);

export const membershipNotFound = (): DomainError =>
  new NotFoundError(
    'INSTITUTIONS.MEMBERSHIP_NOT_FOUND',
    'This person does not hold that role in this institution.',
  );

export const lastAdmin = (): DomainError =>
  new DomainError(
    'INSTITUTIONS.LAST_ADMIN',
    'conflict',
    'An institution needs at least one administrator; appoint another one first.',
  );
