import { useCallback, useEffect, useMemo, useRef, useState } from 'react';

import { FlagKeeper } from './model/flags';
import { toggleFlag } from './model/navigator-state';
import { IdbFlagStore } from './room-storage';

/**
 * The questions flagged for review in this attempt, kept in IndexedDB so a reload brings them back; `forget`
 * after submission. A flag set before the stored ones are read wins over them.
 */
export function useFlags(attemptId: string, paperIds: readonly string[]) {
  const keeper = useMemo(() => new FlagKeeper(new IdbFlagStore(attemptId), paperIds), [attemptId, paperIds]);
  const [flagged, setFlagged] = useState<ReadonlySet<string>>(() => new Set());
  const changed = useRef(false);

  useEffect(() => {
    let live = true;
    void keeper.restore().then((restored) => {
      if (live && !changed.current && restored.size > 0) setFlagged(restored);
    });
    return () => {
      live = false;
    };
  }, [keeper]);

  const toggle = useCallback((questionId: string) => {
    changed.current = true;
    setFlagged((old) => toggleFlag(old, questionId));
  }, []);

  useEffect(() => {
    if (changed.current) void keeper.keep(flagged);
  }, [keeper, flagged]);

  const forget = useCallback(() => keeper.forget(), [keeper]);

  return { flagged, toggle, forget };
}
