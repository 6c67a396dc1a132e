import { useTranslation } from 'react-i18next';

import { reasonText } from './server-reason';

/** A server's reason for a refused field, in the person's language (see server-reason.ts). */
export function useReason(): (reason: string) => string {
  const { t } = useTranslation('console');
  return (reason: string) => {
    const known = reasonText(reason);
    return known ? t(`reasons.${known.key}`, known.params) : t('reasons.other', { reason });
  };
}
