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
  await allStopped(Array.from({ length: Math.max(1, Math.min(lanes, items.length)) }, lane));
}

/**
 * Every promise's value once all have settled; if any failed, the first failure, thrown only
 * then, so nothing started here is still writing when the caller hears of it.
 */
export async function allStopped<T>(promises: readonly Promise<T>[]): Promise<T[]> {
  const settled = await Promise.allSettled(promises);
  const rejected = settled.find((r) => r.status === 'rejected');
  if (rejected) throw rejected.reason;
  return settled.map((r) => (r as PromiseFulfilledResult<T>).value);
}
