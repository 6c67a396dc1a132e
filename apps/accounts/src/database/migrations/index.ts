import { AccountsSchema1764115300000 } from './1764115300000-accounts-schema';
import { PrivacyConsents1764115300001 } from './1764115300001-privacy-consents';

/** The accounts service's own migrations, oldest first (platform tables come from @exam/platform). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const ACCOUNTS_MIGRATIONS: Function[] = [AccountsSchema1764115300000, PrivacyConsents1764115300001];
