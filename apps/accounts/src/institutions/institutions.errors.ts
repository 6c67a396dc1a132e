import { defineErrorCodes, DomainError } from '@exam/platform';

export const InstitutionErrorCode = defineErrorCodes('INSTITUTION', {
  NOT_FOUND: {
    kind: 'not_found',
    meaning: 'No institution has this id.',
    action: 'Check the institution id.',
  },
  INVITATION_INVALID: {
    kind: 'gone',
    meaning: 'The invitation token is unknown, already used or expired.',
    action: 'Ask the institution for a new invitation.',
  },
  INVITATION_NOT_FOR_YOU: {
    kind: 'forbidden',
    meaning: 'The invitation was sent to a phone or email this account does not hold.',
    action: 'Sign in with the account that owns that phone or email.',
  },
  MEMBERSHIP_NOT_FOUND: {
    kind: 'not_found',
    meaning: 'The person does not hold that role in this institution.',
    action: 'List the members and check the role.',
  },
  LAST_ADMIN: {
    kind: 'conflict',
    meaning: 'The role is the institution’s last administrator role.',
    action: 'Appoint another administrator first.',
  },
});

export class InstitutionNotFoundError extends DomainError {
  constructor() {
    super(InstitutionErrorCode.NOT_FOUND, 'No institution with this id.');
  }
}

export class InvitationInvalidError extends DomainError {
  constructor() {
    super(
      InstitutionErrorCode.INVITATION_INVALID,
      'This invitation is unknown, used or expired; ask for a new one.',
    );
  }
}

export class InvitationNotForYouError extends DomainError {
  constructor() {
    super(
      InstitutionErrorCode.INVITATION_NOT_FOR_YOU,
      'This invitation was sent to another phone or email; sign in with the account that owns it.',
    );
  }
}

export class MembershipNotFoundError extends DomainError {
  constructor() {
    super(
      InstitutionErrorCode.MEMBERSHIP_NOT_FOUND,
      'This person does not hold that role in this institution.',
    );
  }
}

export class LastAdminError extends DomainError {
  constructor() {
    super(
      InstitutionErrorCode.LAST_ADMIN,
      'An institution needs at least one administrator; appoint another one first.',
    );
  }
}
