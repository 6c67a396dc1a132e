import { useTranslation } from 'react-i18next';

import { type CountdownPhase, formatRemaining } from './model/server-clock';

interface Props {
  remainingMs: number;
  phase: CountdownPhase;
  paused: boolean;
}

/** The time left by the server's clock; coloured in the last 5 minutes. Warnings are announced separately. */
export function Countdown({ remainingMs, phase, paused }: Props) {
  const { t } = useTranslation('examRoom');
  return (
    <div className={`room-countdown is-${phase}`} role="timer" aria-label={t('clock.label')}>
      <span className="room-countdown-label" aria-hidden>
        {paused ? t('clock.paused') : t('clock.left')}
      </span>
      <span className="room-countdown-value">{formatRemaining(remainingMs)}</span>
    </div>
  );
}
