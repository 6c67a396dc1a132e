import { useTranslation } from 'react-i18next';

import type { ExamNotice } from './model/types';

/** The exam's rules in words: time, saving, what counts as leaving the page and what follows. */
export function RulesList({ notice }: { notice: ExamNotice }) {
  const { t } = useTranslation('examRoom');
  const rules = notice.room;
  const anti = rules?.antiCheat;
  return (
    <ul className="room-rules">
      <li>{t('rules.duration', { minutes: notice.durationMinutes })}</li>
      <li>{t('rules.serverTime')}</li>
      <li>{t('rules.autosave')}</li>
      {anti ? (
        <>
          <li>
            {t('rules.leaving', { seconds: anti.tabSwitchMinAwaySeconds })}{' '}
            {anti.tabSwitchLimit > 0
              ? t('rules.leavingLimit', { count: anti.tabSwitchLimit })
              : t('rules.leavingNone')}{' '}
            {t(`rules.consequence.${anti.consequence}`)}
          </li>
          {anti.fullScreenRequired && <li>{t('rules.fullScreen')}</li>}
          {anti.blockCopyPaste && <li>{t('rules.copyPaste')}</li>}
          {anti.periodicFaceCheckMinutes > 0 && (
            <li>{t('rules.periodicFace', { minutes: anti.periodicFaceCheckMinutes })}</li>
          )}
        </>
      ) : (
        <li>{t('rules.leavingGeneric')}</li>
      )}
      {rules && rules.minMinutesBeforeSubmit > 0 && (
        <li>{t('rules.minBeforeSubmit', { minutes: rules.minMinutesBeforeSubmit })}</li>
      )}
      {rules?.faceCheckAtEntry && <li>{t('rules.faceAtEntry')}</li>}
      <li>{t('rules.oneDevice')}</li>
    </ul>
  );
}
