import { AccountsSchema1764115300000 } from './1764115300000-accounts-schema';
import { PrivacyConsents1764115300001 } from './1764115300001-privacy-consents';
import { ContactChanges1764115300002 } from './1764115300002-contact-changes';
import { SessionRegion1764115300003 } from './1764115300003-session-region';
import { PrivacyRights1764115300004 } from './1764115300004-privacy-rights';
import { PendingRegistrationsIndex1764115300005 } from './1764115300005-pending-registrations-index';
import { FaceCheckRedemptions1764600000010 } from './1764600000010-face-check-redemptions';
import { LoginIpFailures1764600000011 } from './1764600000011-login-ip-failures';
import { EncryptedColumnWidths1764900000000 } from './1764900000000-encrypted-column-widths';
import { PlatformRoleChanges1765000000000 } from './1765000000000-platform-role-changes';
import { CodeDailyLimits1765200000100 } from './1765200000100-code-daily-limits';

/** The accounts service's own migrations, oldest first (platform tables come from @exam/platform). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const ACCOUNTS_MIGRATIONS: Function[] = [
  AccountsSchema1764115300000,
  PrivacyConsents1764115300001,
  ContactChanges1764115300002,
  SessionRegion1764115300003,
  PrivacyRights1764115300004,
  PendingRegistrationsIndex1764115300005,
  FaceCheckRedemptions1764600000010,
  LoginIpFailures1764600000011,
  EncryptedColumnWidths1764900000000,
  PlatformRoleChanges1765000000000,
  CodeDailyLimits1765200000100,
];
