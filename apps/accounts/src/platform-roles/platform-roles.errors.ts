import { defineErrorCodes, DomainError } from '@exam/platform';

export const PlatformRoleErrorCode = defineErrorCodes('PLATFORM_ROLE', {
  USER_NOT_FOUND: {
    kind: 'not_found',
    meaning: 'No active account has this id or sign-in name.',
    action: 'Check the user id (or the phone, email or user name given to the CLI).',
  },
  LAST_ADMIN: {
    kind: 'conflict',
    meaning: 'This change would leave the platform without an active platform_admin.',
    action: 'Grant platform_admin to another account first, then remove it here.',
  },
  ADMIN_EXISTS: {
    kind: 'conflict',
    meaning: 'The platform already has a platform_admin; the bootstrap CLI only appoints the first one.',
    action: 'Ask a platform_admin to grant the role through PUT admin/users/:userId/platform-roles.',
  },
});

export class PlatformRoleUserNotFoundError extends DomainError {
  constructor() {
    super(PlatformRoleErrorCode.USER_NOT_FOUND, 'No active account with this id; check the user id.');
  }
}

export class LastPlatformAdminError extends DomainError {
  constructor() {
    super(
      PlatformRoleErrorCode.LAST_ADMIN,
      'You are the last platform_admin: grant platform_admin to another account before giving it up.',
    );
  }
}

export class PlatformAdminExistsError extends DomainError {
  constructor() {
    super(PlatformRoleErrorCode.ADMIN_EXISTS);
  }
}
