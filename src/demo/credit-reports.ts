import type { CreditReportRecord } from '../ingest/records.js';
import type { WorldClock } from './clock.js';
import { Rng } from './random.js';
import type { County, CustomerProfile } from './types.js';

/** Of customers who chronically fall into arrears, how many a court lists as dishonest debtors. */
const DISHONEST_SHARE = 0.15;
/** Of customers who always pay on time, how many a registry puts on its red list. */
const HONOURED_SHARE = 0.01;

/** 长沙 → 长沙市中级人民法院; 湘西 is an autonomous prefecture (自治州), not a city. */
const courtOf = (city: string) => (city === '湘西' ? '湘西土家族苗族自治州中级人民法院' : `${city}市中级人民法院`);

/**
 * A third-party credit record for some customers (第三方信用信息): a court's listing of a
 * chronic debtor (失信被执行人), or a red-list entry for a reliable payer, on a day in the
 * world's last nine months. A stream of its own per customer, so planting them moves no other
 * draw of the world.
 */
export function planCreditReport(
  seed: number,
  profile: CustomerProfile,
  county: County,
  clock: WorldClock,
): CreditReportRecord | undefined {
  const rng = Rng.for(seed, 'credit-report', profile.index);
  const archetype = profile.paymentArchetype;
  const dishonest = archetype === 'chronic_arrears' && rng.chance(DISHONEST_SHARE);
  const honoured = (archetype === 'on_time' || archetype === 'auto_debit') && rng.chance(HONOURED_SHARE);
  if (!dishonest && !honoured) return undefined;
  const day = clock.dates[clock.days - 1 - rng.int(0, Math.min(clock.days - 1, 270))] ?? clock.dates[0] ?? '';
  const customerNo = profile.record.customer_no;
  return dishonest
    ? {
        report_no: `CR-COURT-${customerNo}`,
        customer_no: customerNo,
        agency: courtOf(county.cityName),
        verdict: 'dishonest',
        reported_on: day,
        note: '失信被执行人名单',
      }
    : {
        report_no: `CR-RED-${customerNo}`,
        customer_no: customerNo,
        agency: '信用中国（湖南）',
        verdict: 'honoured',
        reported_on: day,
        note: '守信红名单',
      };
}
