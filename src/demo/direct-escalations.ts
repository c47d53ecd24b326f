import type { ActivityContext } from './activity-context.js';
import { formatTime, HOUR } from './clock.js';
import { GRIEVANCES } from './grievances.js';

/** Grievances a year taken straight to a hotline: the escalation-prone's habit; anyone's now and then. */
const DIRECT_PER_YEAR = { prone: 1.2, other: 0.04 } as const;

/**
 * An escalation-prone customer often skips 95598 and takes a grievance straight to the
 * government hotline 12345 or the regulator's 12398, which refer it to us: a case that opens
 * with the referral (`work_order_created` with `escalated_to` and no `repeat_of`). It shows
 * the habit without a complaint of ours to escalate from.
 *
 * Added after seeded worlds had been measured, so it draws from the customer's second stream
 * and runs after everything else: every record generated before keeps its draws and its id.
 */
export function generateDirectEscalations(ctx: ActivityContext): void {
  ctx.drawingFromHabits(() => {
    const { rng, clock } = ctx;
    const rate = ctx.has('escalation_prone') ? DIRECT_PER_YEAR.prone : DIRECT_PER_YEAR.other;
    const count = rng.poisson((rate * clock.days) / 365);
    for (let k = 0; k < count; k++) {
      const grievance = rng.pick(GRIEVANCES);
      const at = ctx.wakingTime(clock.startMs, clock.endMs - HOUR);
      const hotline = rng.pick(['12345', '12398']);
      ctx.trace({
        occurred_at: formatTime(at),
        trace_type: 'work_order_created',
        channel: 'internal',
        case_id: ctx.nextId('CASE'),
        topic: grievance.topic,
        attributes: { escalated_to: hotline, summary: `${hotline}转办：${grievance.summary}` },
      });
    }
  });
}
