import { useEffect, useRef, useState } from 'react';

import { type CountdownPhase, phaseOf, type ServerClock, warningCrossed } from './model/server-clock';

/**
 * Time left until the server's deadline, by the server's clock (ticking locally between syncs), and the warning
 * to announce when the 5-minute and 1-minute marks pass.
 */
export function useCountdown(clock: ServerClock, deadline: string, frozenMs: number | null) {
  const [remainingMs, setRemainingMs] = useState(() => frozenMs ?? clock.remainingMs(deadline));
  const [announcement, setAnnouncement] = useState<'five_minutes' | 'one_minute' | 'over' | null>(null);
  const previous = useRef(remainingMs);

  useEffect(() => {
    const tick = () => {
      const now = frozenMs ?? clock.remainingMs(deadline);
      const crossed = warningCrossed(previous.current, now);
      previous.current = now;
      if (crossed) setAnnouncement(crossed);
      setRemainingMs(now);
    };
    tick();
    const id = setInterval(tick, 500);
    return () => {
      clearInterval(id);
    };
  }, [clock, deadline, frozenMs]);

  const phase: CountdownPhase = phaseOf(remainingMs);
  return { remainingMs, phase, announcement };
}
