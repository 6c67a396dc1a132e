import { type QueryKey, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';

/**
 * While another service is still finishing something the page shows (an order opening, a payment being
 * confirmed, a refund), asks the server again every `everyMs`: the page shows what the server says, never
 * what a return URL claims.
 */
export function useRefreshWhile(active: boolean, keys: readonly QueryKey[], everyMs = 3_000): void {
  const queryClient = useQueryClient();
  const signature = JSON.stringify(keys);
  useEffect(() => {
    if (!active) return;
    const parsed = JSON.parse(signature) as QueryKey[];
    const timer = window.setInterval(() => {
      for (const queryKey of parsed) void queryClient.invalidateQueries({ queryKey });
    }, everyMs);
    return () => {
      window.clearInterval(timer);
    };
  }, [active, signature, everyMs, queryClient]);
}
