import { useCallback, useState } from 'react';

export interface Action {
  /** Runs one user action: busy while it runs, its failure kept for an ErrorAlert, the last failure cleared. */
  run: (work: () => Promise<void>) => Promise<void>;
  busy: boolean;
  error: unknown;
  setError: (error: unknown) => void;
}

/** The state every form that calls the API needs: one action at a time, and what went wrong with the last one. */
export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = useCallback(async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (caught: unknown) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }, []);
  return { run, busy, error, setError };
}
