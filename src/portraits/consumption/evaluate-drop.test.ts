import { describe, expect, it } from 'vitest';
import type { GroundTruthLine } from '../../demo/ground-truth.js';
import { evaluateDrop } from './evaluate-drop.js';

const customer = (
  no: string,
  extra: Partial<Extract<GroundTruthLine, { type: 'customer' }>> = {},
): GroundTruthLine => ({
  type: 'customer',
  customer_no: no,
  traits: [],
  payment_archetype: 'on_time',
  segment: 'residential',
  ...extra,
});

describe('evaluateDrop', () => {
  const truth = [
    customer('T1', { traits: ['electricity_theft'], theft_from: '2026-05-01' }),
    customer('T2', { traits: ['electricity_theft'], theft_from: '2026-07-10' }),
    // Theft that begins after as-of cannot be seen yet and is not counted.
    customer('T3', { traits: ['electricity_theft'], theft_from: '2026-12-01' }),
    customer('V1', { vacancy: ['2026-03-01', '2026-04-15'] }),
    customer('N1'),
  ];

  it('scores flags against thieves, counts vacant homes flagged and the error of the drop date', () => {
    const result = evaluateDrop(
      [
        { customerNo: 'T1', flagged: true, dropStartedOn: '2026-05-03' },
        { customerNo: 'T2', flagged: false, dropStartedOn: null },
        { customerNo: 'T3', flagged: false, dropStartedOn: null },
        { customerNo: 'V1', flagged: true, dropStartedOn: '2026-03-01' },
        { customerNo: 'N1', flagged: false, dropStartedOn: null },
      ],
      truth,
      '2026-11-01',
    );
    expect(result).toMatchObject({
      theft: 2,
      flagged: 2,
      truePositives: 1,
      precision: 0.5,
      recall: 0.5,
      vacancyFlagged: 1,
      vacancies: 1,
      medianDateErrorDays: 2,
      falsePositives: ['V1'],
      missed: ['T2'],
    });
  });
});
