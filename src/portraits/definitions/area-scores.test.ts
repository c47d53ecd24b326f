import { describe, expect, it } from 'vitest';
import { scoreValue } from '../engine/evaluate-portrait.js';
import { areaScores } from './area-scores.js';

const score = (code: string) => {
  const def = areaScores('transformer_area').find((s) => s.code === code);
  if (!def) throw new Error(`no area score ${code}`);
  return def;
};

describe('service risk of an area whose collection stopped', () => {
  // Monthly rates taken at the reading round are fine; the concentrator failed after it.
  const healthy = { collection_rate_min_12m: 0.99 };

  it('scores the collection row from 3 days behind the company', () => {
    expect(scoreValue(score('service_risk'), { ...healthy, collection_behind_days: 3 })).toBe(3);
    expect(scoreValue(score('risk_equipment'), { ...healthy, collection_behind_days: 3 })).toBe(12);
  });

  it('scores nothing for 2 days behind, and the row once when the monthly rate was low as well', () => {
    expect(scoreValue(score('service_risk'), { ...healthy, collection_behind_days: 2 })).toBe(0);
    expect(scoreValue(score('service_risk'), { collection_rate_min_12m: 0.9, collection_behind_days: 9 })).toBe(3);
  });
});
