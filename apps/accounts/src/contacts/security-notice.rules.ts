import type { ContactKind, FaceEnrolmentChange, PasswordChangeMethod } from '@exam/contracts';

/** What a security notice to the account's proven contacts says: what changed, and what to do if it was not them. */
export interface SecurityNotice {
  readonly subject: string;
  readonly text: string;
}

const IF_NOT_YOU =
  'If this was not you, reset your password now (password reset by code) and contact support: someone may have your sign-in.';

const HOW: Record<PasswordChangeMethod, string> = {
  reset_by_code: 'was reset with a code sent to you',
  reset_by_face: 'was reset with a face check and a code sent to you',
  changed_by_user: 'was changed by a signed-in user',
};

export function passwordChangedNotice(method: PasswordChangeMethod): SecurityNotice {
  return {
    subject: 'Your password was changed',
    text: `The password of your exam platform account ${HOW[method]}; every other session was signed out. ${IF_NOT_YOU}`,
  };
}

export function contactChangedNotice(kind: ContactKind, maskedNewValue: string): SecurityNotice {
  const what = kind === 'phone' ? 'phone number' : 'email address';
  return {
    subject: `Your ${what} was changed`,
    text: `The ${what} of your exam platform account was changed to ${maskedNewValue}; sign-in codes now go there. ${IF_NOT_YOU}`,
  };
}

export function faceEnrolmentNotice(change: FaceEnrolmentChange): SecurityNotice {
  return change === 'enrolled'
    ? {
        subject: 'A face was enrolled on your account',
        text: `A face was enrolled on your exam platform account; after a waiting period it can be used to sign in and, with a code sent to you, to reset the password. ${IF_NOT_YOU}`,
      }
    : {
        subject: 'The face on your account was removed',
        text: `The enrolled face of your exam platform account was removed; face sign-in stops. ${IF_NOT_YOU}`,
      };
}
