import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import { durationOf } from '../model/sla';

export interface Formatters {
  /** Date and time in the person's language and time zone, to the second. */
  dateTime: (iso: string | null | undefined) => string;
  /** "3 小时" / "3 hours". */
  duration: (seconds: number) => string;
}

/** Dates and durations in the console's language. */
export function useFormatters(): Formatters {
  const { t, i18n } = useTranslation('security');
  const language = i18n.language;
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'zh-CN', {
      dateStyle: 'medium',
      timeStyle: 'medium',
    });
    return {
      dateTime: (iso) => (iso ? format.format(new Date(iso)) : t('none')),
      duration: (seconds) => {
        const { count, unit } = durationOf(seconds);
        return t(`duration.${unit}`, { count });
      },
    };
  }, [language, t]);
}
