import { describe, expect, it } from 'vitest';
import type { TrainedComplaintRisk } from '../portraits/complaint-risk/train-complaint-risk.js';
import { describeTraining } from './train-risk-command.js';

const trained: TrainedComplaintRisk = {
  weights: {
    intercept: -4.2,
    features: {
      praise_12m: { weight: -0.05, center: 0.1, scale: 0.3 },
      complaints_12m: { weight: 0.31, center: 0.2, scale: 0.7 },
      requests_12m: { weight: 0.2, center: 1, scale: 1.5 },
    },
  },
  metrics: {
    auc: 0.8091,
    baselineAuc: 0.7334,
    aucStandardError: 0.029,
    baselineAucStandardError: 0.033,
    trainRows: 15000,
    positives: 260,
    holdoutRows: 5000,
    holdoutPositives: 62,
    trainAuc: 0.805,
    holdoutMeanPredictedPct: 2.13,
    holdoutObservedPct: 1.24,
    holdoutTopDecileCapture: 0.58,
    holdoutLevels: [
      { level: 'high', customers: 61, complainers: 12, observedPct: 19.67, predictedPct: 40.61 },
      { level: 'medium', customers: 213, complainers: 17, observedPct: 7.98, predictedPct: 9.04 },
      { level: 'low', customers: 4726, complainers: 33, observedPct: 0.7, predictedPct: 1.32 },
    ],
    windows: [
      { featuresAt: '2026-09-01T00:00:00.000Z', labelsUntil: '2026-10-01T00:00:00.000Z', role: 'train' },
      { featuresAt: '2026-10-01T00:00:00.000Z', labelsUntil: '2026-10-31T00:00:00.000Z', role: 'holdout' },
    ],
    l2: 0.01,
    negativeSampling: 1,
    iterations: 9,
  },
};

describe('describeTraining', () => {
  const lines = describeTraining(trained, new Date('2026-10-31T00:00:00Z'));

  it('reports sizes, the hold-out AUC beside the baseline, and calibration by level', () => {
    expect(lines).toContain(
      '  AUC 0.809 ± 0.029 on the hold-out vs 0.733 ± 0.033 for complaints in the last 12 months alone (± one standard error; train AUC 0.805)',
    );
    expect(lines.join('\n')).toContain('1 window(s), 15000 rows, 260 with a complaint (1.73 %)');
    expect(lines.join('\n')).toContain('5000 customers, 62 with a complaint (1.24 %)');
    expect(lines.join('\n')).toContain('high 61 customers, 12 complained (19.7 % observed, 40.6 % predicted)');
  });

  it('lists the weights largest first, signed, with the feature names', () => {
    const weights = lines.filter((l) => /^ {4}[+−]/.test(l));
    expect(weights.map((l) => l.trim().split(/\s+/)[1])).toEqual(['complaints_12m', 'requests_12m', 'praise_12m']);
    expect(weights[0]).toContain('+0.310');
    expect(weights[0]).toContain('投诉数(12月)');
    expect(weights[2]).toContain('−0.050');
  });
});
