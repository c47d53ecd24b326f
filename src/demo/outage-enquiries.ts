import type { ActivityContext } from './activity-context.js';
import { HOUR } from './clock.js';
import { makeContact } from './contacts.js';

/** Enquiries a year: an outage-sensitive customer plans around outages; anyone may ask once. */
const ENQUIRIES_PER_YEAR = { sensitive: 2, other: 0.03 } as const;

/**
 * An outage-sensitive customer asks ahead: whether maintenance is planned in his area this
 * month, or to be told in person before the next one (停电检修安排查询). It shows the trait
 * whether or not an outage reaches him in the year, and beside one outage's call it tells a
 * customer who always rings from one who rang once.
 *
 * Added after seeded worlds had been measured, so it draws from the customer's second stream
 * and runs after everything else: every record generated before keeps its draws and its id.
 */
export function generateOutageEnquiries(ctx: ActivityContext): void {
  ctx.drawingFromHabits(() => {
    const { rng, clock } = ctx;
    const rate = ctx.has('outage_sensitive') ? ENQUIRIES_PER_YEAR.sensitive : ENQUIRIES_PER_YEAR.other;
    const count = rng.poisson((rate * clock.days) / 365);
    for (let k = 0; k < count; k++) {
      makeContact(ctx, {
        atMs: ctx.wakingTime(clock.startMs, clock.endMs - 3 * HOUR),
        intent: 'outage_schedule',
        topic: 'outage_schedule',
        orderType: 'consultation',
        summary: '客户咨询近期检修停电安排，要求提前告知',
      });
    }
  });
}
