import type { ReadingRecord } from '../ingest/records.js';
import type { WorldClock } from './clock.js';
import type { Rng } from './random.js';
import type { CustomerProfile } from './types.js';

// Hunan homes peak with air conditioning in July–August and electric heating in winter.
const RESIDENTIAL_SEASON = [0, 1.5, 1.35, 1.0, 0.85, 0.9, 1.2, 1.75, 1.8, 1.3, 0.9, 0.95, 1.35] as const;
// Factories slow down around the Spring Festival (February).
const BUSINESS_SEASON = [0, 0.95, 0.65, 1.0, 1.0, 1.0, 1.1, 1.2, 1.2, 1.05, 1.0, 1.0, 1.0] as const;

export interface MonthUse {
  readonly month: string;
  kwh: number;
  peak: number;
  flat: number;
  valley: number;
}

const round2 = (v: number): number => Math.round(v * 100) / 100;

/**
 * Daily readings of one meter over the window, and the monthly totals bills are made from.
 * A thief's readings fall to a fraction of real use from `theftFromDay` on and stay there;
 * a vacant home falls to near zero for a while and comes back (the look-alike noise).
 */
export function generateReadings(
  profile: CustomerProfile,
  clock: WorldClock,
  rng: Rng,
  out: ReadingRecord[],
): MonthUse[] {
  const months: MonthUse[] = [];
  const residential = profile.segment === 'residential';
  const season = residential ? RESIDENTIAL_SEASON : BUSINESS_SEASON;
  const peakShare = residential ? 0.36 : 0.38;
  const valleyShare = residential ? 0.24 : profile.segment === 'industrial' ? 0.34 : 0.18;
  const pfMean = profile.segment === 'industrial' ? rng.range(0.84, 0.96) : rng.range(0.88, 0.98);
  const loadFactor = rng.range(1.6, 2.4);
  let current: MonthUse | undefined;
  for (let d = 0; d < clock.days; d++) {
    const date = clock.dates[d] ?? '';
    const month = date.slice(0, 7);
    if (!current || current.month !== month) {
      current = { month, kwh: 0, peak: 0, flat: 0, valley: 0 };
      months.push(current);
    }
    // Collection gaps: a few days a year have no reading.
    if (rng.chance(0.003)) continue;
    const wd = clock.weekdays[d];
    const weekend = wd === 0 || wd === 6;
    let kwh = profile.baseKwh * (season[clock.monthNumbers[d] ?? 1] ?? 1) * (1 + rng.normal(0, 0.12));
    if (weekend) kwh *= residential ? 1.1 : profile.segment === 'industrial' ? 0.75 : 0.9;
    if (profile.theftFromDay !== undefined && d >= profile.theftFromDay) kwh *= profile.theftFactor;
    if (profile.vacancy && d >= profile.vacancy[0] && d < profile.vacancy[1]) kwh *= 0.03;
    kwh = Math.max(0, round2(kwh));
    // The daily split wobbles ±5 points; a uniform draw is plenty and cheaper than a normal one.
    const peak = round2(kwh * (peakShare + (rng.float() - 0.5) * 0.1));
    const valley = round2(kwh * (valleyShare + (rng.float() - 0.5) * 0.1));
    const flat = Math.max(0, round2(kwh - peak - valley));
    const reading: ReadingRecord = {
      meter_no: profile.meterNo,
      date,
      kwh,
      peak_kwh: peak,
      flat_kwh: flat,
      valley_kwh: valley,
    };
    if (!residential) {
      reading.max_load_kw = round2((kwh / 24) * loadFactor * (1 + rng.normal(0, 0.08)));
      reading.power_factor = Math.min(0.999, round2(pfMean + rng.normal(0, 0.015)));
    }
    // A failed collection loses the daily readings; the meter's register still counts, so the
    // month's bill is whole.
    if (profile.readingsStopDay === undefined || d < profile.readingsStopDay) out.push(reading);
    current.kwh += kwh;
    current.peak += peak;
    current.flat += flat;
    current.valley += valley;
  }
  return months;
}

/** Hunan residential tiered tariff (yuan/kWh); summer and winter months get wider tiers. */
export function residentialAmount(kwh: number, month: string): number {
  const m = Number(month.slice(5, 7));
  const wide = m === 1 || m === 2 || m === 12 || (m >= 6 && m <= 9);
  const t1 = wide ? 200 : 180;
  const t2 = wide ? 450 : 350;
  const tier1 = Math.min(kwh, t1);
  const tier2 = Math.max(0, Math.min(kwh, t2) - t1);
  const tier3 = Math.max(0, kwh - t2);
  return round2(tier1 * 0.588 + tier2 * 0.638 + tier3 * 0.888);
}

/** Business time-of-use tariff: peak / flat / valley. */
export function businessAmount(use: MonthUse): number {
  return round2(use.peak * 1.02 + use.flat * 0.66 + use.valley * 0.32);
}
