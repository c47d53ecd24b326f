/**
 * Runs `work` over `items` on up to `lanes` at once, each lane taking the next item when its
 * last is done (items start in order; they may finish out of order). On a failure no lane
 * takes another item, and the first error is thrown once every lane has stopped, so nothing
 * is left writing after the caller has given up.
 */
export async function inLanes<T>(items: readonly T[], lanes: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const lane = async () => {
    while (!failed && next < items.length) {
      const item = items[next++] as T;
      try {
        await work(item);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const settled = await Promise.allSettled(Array.from({ length: Math.max(1, Math.min(lanes, items.length)) }, lane));
  const rejected = settled.find((r) => r.status === 'rejected');
  if (rejected) throw rejected.reason;
}
