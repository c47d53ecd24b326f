import type { Queryable } from '../../db/db.js';
import type { Language } from '../../traces/attribute-labels.js';
import { readPortrait } from '../engine/portrait-store.js';
import { CONSUMPTION_DEFINITION, type ConsumptionDefinition } from './definition.js';
import { type ExplainedRule, explainProfile } from './explain.js';
import { FIGURE_CODES, type FigureCode, type Figures } from './rules.js';

export interface ConsumptionFigure {
  code: FigureCode;
  name: string;
  unit: string | null;
  value: number | string | null;
}

export interface ConsumptionProfileView {
  asOf: string;
  modelVersion: number;
  segment: string;
  /** The transformer area the customer was compared with, or '*' (all areas: too few peers). */
  peerGroup: string;
  levelBand: { code: string; name: string } | null;
  dropStartedOn: string | null;
  zeroRunEndedOn: string | null;
  /** The last day read, and the newest day any meter of the area was read (采集中断 compares them). */
  lastReadOn: string | null;
  areaReadUntil: string | null;
  /**
   * Set when the customer's transformer area holds 台区采集中断 (`collection_stopped`): the whole
   * area fell silent, so the meter is not behind its neighbours, yet its bill may be estimated.
   */
  areaCollectionStopped: { transformerAreaId: string; daysBehindCompany: number } | null;
  figures: ConsumptionFigure[];
  /** Patterns that hold, each with the thresholds and actual values behind it. */
  patterns: ExplainedRule[];
  /** Advice that holds, in priority order, with its wording and the reasons. */
  advice: ExplainedRule[];
}

export interface DailyUse {
  date: string;
  kwh: number;
  peak: number | null;
  flat: number | null;
  valley: number | null;
}

export interface MonthlyUseVsPeers {
  month: string;
  kwh: number;
  daysRead: number;
  /** What the median peer used over the same number of days; null without peer figures. */
  peerMedianKwh: number | null;
}

export interface ConsumptionView {
  /** null until profiles have been built for the customer. */
  profile: ConsumptionProfileView | null;
  /** The 90 days up to the last reading before the profile's as-of (or before now), oldest first. */
  daily: DailyUse[];
  monthly: MonthlyUseVsPeers[];
  touShare: { peak: number; flat: number; valley: number } | null;
}

type ProfileRow = Figures & {
  as_of: Date;
  model_version: number;
  peer_group: string;
  drop_started_on: string | null;
  zero_run_ended_on: string | null;
  last_read_on: string | null;
  area_read_until: string | null;
  patterns: string[];
};

const DAILY_DAYS = 90;
const round = (v: number | null, digits: number) => (v === null ? null : Math.round(v * 10 ** digits) / 10 ** digits);

/** The consumption panel's data for one customer (already resolved and scope-checked). */
export async function consumptionView(
  db: Queryable,
  customerId: number,
  lang: Language,
  definition: ConsumptionDefinition = CONSUMPTION_DEFINITION,
): Promise<ConsumptionView> {
  const row = (await db.query<ProfileRow>('SELECT * FROM consumption_profile WHERE customer_id = $1', [customerId]))[0];
  const until = row?.as_of ?? new Date();
  const [daily, monthly, silentArea] = await Promise.all([
    dailyUse(db, customerId, until),
    monthlyUse(db, customerId, row),
    areaCollectionStopped(db, customerId),
  ]);
  if (!row) return { profile: null, daily, monthly, touShare: null };

  const figures = Object.fromEntries(FIGURE_CODES.map((c) => [c, row[c]])) as Figures;
  const explained = explainProfile(definition, figures, row.patterns, lang);
  const name = (n: { zh: string; en: string }) => (lang === 'en' ? n.en : n.zh);
  const { peak_share: peak, valley_share: valley } = row;
  return {
    profile: {
      asOf: row.as_of.toISOString(),
      modelVersion: row.model_version,
      segment: String(row.segment),
      peerGroup: row.peer_group,
      levelBand:
        row.level_band === null
          ? null
          : { code: String(row.level_band), name: explained.levelBandName ?? String(row.level_band) },
      dropStartedOn: row.drop_started_on,
      zeroRunEndedOn: row.zero_run_ended_on,
      lastReadOn: row.last_read_on,
      areaReadUntil: row.area_read_until,
      areaCollectionStopped: silentArea,
      figures: FIGURE_CODES.map((code) => {
        const def = definition.figures[code];
        const value = row[code];
        return {
          code,
          name: name(def.name),
          unit: def.unit ? name(def.unit) : null,
          value: typeof value === 'number' ? round(value, 4) : value,
        };
      }),
      patterns: explained.patterns.filter((p) => p.holds),
      advice: explained.advice.filter((a) => a.holds),
    },
    daily,
    monthly,
    touShare:
      typeof peak === 'number' && typeof valley === 'number'
        ? {
            peak: round(peak, 4) as number,
            valley: round(valley, 4) as number,
            flat: round(Math.max(0, 1 - peak - valley), 4) as number,
          }
        : null,
  };
}

/**
 * The 90 days up to the customer's last reading before `until`'s local date (readings arrive
 * late, so the window ends where they do), from the month arrays of the last ~13 months.
 */
async function dailyUse(db: Queryable, customerId: number, until: Date): Promise<DailyUse[]> {
  const rows = await db.query<{
    date: string;
    kwh: number;
    peak: number | null;
    flat: number | null;
    valley: number | null;
  }>(
    `WITH bounds AS (SELECT ($2::timestamptz AT TIME ZONE 'Asia/Shanghai')::date AS until),
     days AS (
       SELECT r.month + (d.dom - 1)::int AS day, d.kwh, d.peak, d.flat, d.valley
       FROM bounds b
       JOIN meter_reading_month r ON r.customer_id = $1 AND r.month >= b.until - 400 AND r.month < b.until
       CROSS JOIN LATERAL unnest(r.kwh, r.peak_kwh, r.flat_kwh, r.valley_kwh) WITH ORDINALITY AS d(kwh, peak, flat, valley, dom)
       WHERE r.month + (d.dom - 1)::int < b.until AND d.kwh IS NOT NULL
     )
     SELECT to_char(day, 'YYYY-MM-DD') AS date, kwh, peak, flat, valley FROM days
     WHERE day > (SELECT max(day) FROM days) - $3::int ORDER BY day`,
    [customerId, until, DAILY_DAYS],
  );
  return rows.map((r) => ({
    date: r.date,
    kwh: round(r.kwh, 2) as number,
    peak: round(r.peak, 2),
    flat: round(r.flat, 2),
    valley: round(r.valley, 2),
  }));
}

async function monthlyUse(
  db: Queryable,
  customerId: number,
  profile: ProfileRow | undefined,
): Promise<MonthlyUseVsPeers[]> {
  const rows = await db.query<{ month: string; kwh: number; days_read: number; peer_daily: number | null }>(
    `SELECT to_char(m.month, 'YYYY-MM') AS month, m.kwh, m.days_read, pm.median_daily_kwh AS peer_daily
     FROM consumption_month m
     LEFT JOIN consumption_peer_month pm ON pm.transformer_area_id = $2 AND pm.segment = $3 AND pm.month = m.month
     WHERE m.customer_id = $1 ORDER BY m.month`,
    [customerId, profile?.peer_group ?? null, profile?.segment ?? null],
  );
  return rows.map((r) => ({
    month: r.month,
    kwh: round(r.kwh, 1) as number,
    daysRead: r.days_read,
    peerMedianKwh: r.peer_daily === null ? null : round(r.peer_daily * r.days_read, 1),
  }));
}

/** The customer's transformer area, if its current portrait holds 台区采集中断. */
async function areaCollectionStopped(
  db: Queryable,
  customerId: number,
): Promise<ConsumptionProfileView['areaCollectionStopped']> {
  const [customer] = await db.query<{ area: string | null }>(
    'SELECT transformer_area_id AS area FROM customer WHERE customer_id = $1',
    [customerId],
  );
  if (!customer?.area) return null;
  const portrait = await readPortrait(db, 'transformer_area', customer.area);
  if (!portrait?.tags.includes('collection_stopped')) return null;
  return { transformerAreaId: customer.area, daysBehindCompany: Number(portrait.features.collection_behind_days ?? 0) };
}
