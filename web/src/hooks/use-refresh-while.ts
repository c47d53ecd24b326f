import { useEffect, useState } from 'react';

/**
 * A counter that goes up every `intervalMs` while `active`, for a useApiData key: pages with a
 * background job (re-inspection, special topic) reload until the job is done. The worker runs
 * jobs in batches of 500 calls, so a second or two between looks is enough.
 */
export function useRefreshWhile(active: boolean, intervalMs = 1500): number {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setTick((n) => n + 1), intervalMs);
    return () => clearInterval(timer);
  }, [active, intervalMs]);
  return tick;
}
