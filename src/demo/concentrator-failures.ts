import type { WorldClock } from './clock.js';
import type { OrgWorld } from './org-builder.js';
import { Rng } from './random.js';
import type { Area } from './types.js';

/** Transformer areas whose concentrator or link failed 4–20 days before the world's end. */
const CONCENTRATOR_FAILURE_SHARE = 0.03;

/**
 * Plants concentrator failures: the area's meters all stop reporting on one day, so no meter
 * falls behind its neighbours and only the area, against the rest of the company, shows it.
 * Each area draws from a stream of its own, so planting them moves no other draw of the world.
 * Returns the failed areas; each carries its `collectionStopDay`.
 */
export function planConcentratorFailures(seed: number, org: OrgWorld, clock: WorldClock): Area[] {
  const failed: Area[] = [];
  org.areas.forEach((area, i) => {
    const rng = Rng.for(seed, 'concentrator', i);
    if (!rng.chance(CONCENTRATOR_FAILURE_SHARE)) return;
    area.collectionStopDay = clock.days - rng.int(4, 20);
    failed.push(area);
  });
  return failed;
}
