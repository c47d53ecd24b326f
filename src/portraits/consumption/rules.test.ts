import { describe, expect, it } from 'vitest';
import { compileCondition, SqlParams } from './compile-sql.js';
import { CONSUMPTION_DEFINITION as DEF } from './definition.js';
import { deriveAdvice, derivePatterns, explainProfile, levelBandOf } from './explain.js';
import { evaluate, type Figures } from './rules.js';

/** An ordinary residential customer: steady use, no drop, no long zero run. */
const ordinary: Figures = {
  segment: 'residential',
  months: 12,
  avg_daily_kwh: 5.5,
  level_vs_peers: 1,
  level_band: 'medium',
  peak_share: 0.36,
  valley_share: 0.24,
  trend_slope_pct: 0.2,
  seasonality: 1.5,
  summer_ratio: 1.2,
  winter_ratio: 1.2,
  zero_run_max_days: 0,
  recent_vs_own: 1,
  recent_vs_peers: 1,
  sustained_vs_peers: 1,
  recent_zero_days: 0,
  baseline_days: 200,
  drop_days: null,
  power_factor_avg: null,
  max_load_kw: null,
  days_behind_peers: 0,
};
const theft: Partial<Figures> = {
  recent_vs_peers: 0.4,
  sustained_vs_peers: 0.42,
  recent_vs_own: 0.35,
  drop_days: 120,
  baseline_days: 240,
};

describe('consumption patterns (definition v2)', () => {
  it.each<[string, Partial<Figures>, string[]]>([
    ['an ordinary home', {}, []],
    ['a theft-like drop: 40 % of the earlier level for 120 days, peers steady', theft, ['sudden_sustained_drop']],
    ['a drop only 35 % deep (recent 0.65) is not flagged', { ...theft, recent_vs_peers: 0.65 }, []],
    ['a drop that recovered in the last 30 days', { ...theft, sustained_vs_peers: 0.9 }, []],
    [
      'a drop to near zero is an empty home or a stopped meter, not theft',
      { ...theft, recent_vs_peers: 0.05, sustained_vs_peers: 0.03 },
      [],
    ],
    ['a drop with many zero days in the window (vacancy ending)', { ...theft, recent_zero_days: 25 }, []],
    ['a drop begun only 20 days ago is not yet sustained', { ...theft, drop_days: 20 }, []],
    ['a drop with too little history before it', { ...theft, baseline_days: 40 }, []],
    ['no peers or no baseline: unknown figures never flag', { ...theft, recent_vs_peers: null }, []],
    ['45 days of near-zero use', { zero_run_max_days: 45 }, ['long_zero_use']],
    ['no reading for 3 days while the area reported', { days_behind_peers: 3 }, ['readings_stopped']],
    ['two days behind the area is the collection delay', { days_behind_peers: 2 }, []],
    ['no area to compare with: unknown never flags', { days_behind_peers: null }, []],
    ['a business at power factor 0.86', { segment: 'non_residential', power_factor_avg: 0.86 }, ['low_power_factor']],
    ['a home with a power factor reading is not judged on it', { power_factor_avg: 0.8 }, []],
    ['peak share 45 %', { peak_share: 0.45 }, ['high_peak_share']],
    [
      'summer 1.8×, winter 1.4× spring/autumn',
      { summer_ratio: 1.8, winter_ratio: 1.4 },
      ['summer_peaking', 'winter_peaking'],
    ],
    ['rising 4 %/month over a year', { trend_slope_pct: 4 }, ['rising']],
    ['rising but only 4 months of data', { trend_slope_pct: 4, months: 4 }, []],
    ['falling 5 %/month', { trend_slope_pct: -5 }, ['falling']],
    ['a trend from an empty month is not a trend', { trend_slope_pct: -5, zero_run_max_days: 40 }, ['long_zero_use']],
  ])('%s', (_name, change, expected) => {
    expect(derivePatterns(DEF, { ...ordinary, ...change })).toEqual(expected);
  });
});

describe('consumption advice (definition v2)', () => {
  const adviceFor = (change: Partial<Figures>) => {
    const figures = { ...ordinary, ...change };
    return deriveAdvice(DEF, figures, derivePatterns(DEF, figures));
  };
  it.each<[string, Partial<Figures>, string[]]>([
    ['an ordinary home', {}, []],
    ['a sudden sustained drop: inspect the site and the meter', theft, ['site_inspection', 'meter_check']],
    ['a long zero run: check the meter only', { zero_run_max_days: 60 }, ['meter_check']],
    ['readings stopped: send collection maintenance', { days_behind_peers: 10 }, ['collection_repair']],
    [
      'low power factor: compensation',
      { segment: 'non_residential', power_factor_avg: 0.85 },
      ['power_factor_correction'],
    ],
    [
      'a heavy home that also uses valley hours: time-of-use and energy saving',
      { level_band: 'high', valley_share: 0.24 },
      ['time_of_use_tariff', 'energy_saving'],
    ],
    [
      'a heavy business: energy saving, no residential time-of-use advice',
      { segment: 'non_residential', level_band: 'very_high' },
      ['energy_saving'],
    ],
    ['high peak share: time-of-use', { peak_share: 0.45 }, ['time_of_use_tariff']],
    ['no winter rise at home: electrification', { winter_ratio: 1.0 }, ['electrification']],
    [
      'no winter rise because the home stood empty: no electrification',
      { winter_ratio: 1.0, zero_run_max_days: 50 },
      ['meter_check'],
    ],
  ])('%s', (_name, change, expected) => {
    expect(adviceFor(change).sort()).toEqual(expected.sort());
  });
});

describe('rule language', () => {
  it('treats a null figure as unknown, as SQL does: neither it nor its negation holds', () => {
    const figures = { ...ordinary, power_factor_avg: null };
    expect(evaluate({ figure: 'power_factor_avg', op: '<', value: 0.9 }, figures, [])).toBeNull();
    expect(evaluate({ not: { figure: 'power_factor_avg', op: '<', value: 0.9 } }, figures, [])).toBeNull();
    expect(
      evaluate(
        {
          any: [
            { figure: 'power_factor_avg', op: '<', value: 0.9 },
            { figure: 'months', op: '>=', value: 1 },
          ],
        },
        figures,
        [],
      ),
    ).toBe(true);
    expect(
      evaluate(
        {
          all: [
            { figure: 'power_factor_avg', op: '<', value: 0.9 },
            { figure: 'months', op: '<', value: 1 },
          ],
        },
        figures,
        [],
      ),
    ).toBe(false);
  });

  it('compiles thresholds to bind parameters, never into the SQL text', () => {
    const params = new SqlParams(2);
    const sql = compileCondition(
      {
        all: [
          { figure: 'recent_vs_peers', op: '<=', value: 0.6 },
          { figure: 'level_band', op: 'in', value: ['high'] },
          { pattern: 'long_zero_use' },
        ],
      },
      params,
    );
    expect(sql).toBe(
      '((f.recent_vs_peers::float8 <= $3::float8) AND (f.level_band::text = ANY($4::text[])) AND ($5::text = ANY(f.patterns)))',
    );
    expect(params.values).toEqual([0.6, ['high'], 'long_zero_use']);
  });

  it('refuses a figure that is not a profile column', () => {
    expect(() =>
      compileCondition({ figure: 'customer_id; DROP TABLE x' as never, op: '>', value: 1 }, new SqlParams()),
    ).toThrow(/Unknown/);
  });

  it('bands the level against peers', () => {
    expect([0.3, 0.5, 1.49, 1.5, 2.9, 3, null].map((v) => levelBandOf(DEF, v))).toEqual([
      'low',
      'medium',
      'medium',
      'high',
      'high',
      'very_high',
      null,
    ]);
  });

  it('explains a verdict with each threshold and actual value, in the asked language', () => {
    const figures = { ...ordinary, ...theft };
    const explained = explainProfile(DEF, figures, ['sudden_sustained_drop'], 'en');
    const drop = explained.patterns.find((p) => p.code === 'sudden_sustained_drop');
    expect(drop?.holds).toBe(true);
    expect(drop?.checks).toContainEqual(
      expect.objectContaining({
        figure: 'recent_vs_peers',
        op: '<=',
        threshold: 0.6,
        actual: 0.4,
        passed: true,
        label: 'Last 60 days ÷ earlier level, adjusted by area peers',
      }),
    );
    expect(explained.advice[0]).toMatchObject({ code: 'site_inspection', holds: true });
    expect(explainProfile(DEF, figures, [], 'zh-CN').patterns[0]?.name).toBe('电量突降且持续');
  });
});
