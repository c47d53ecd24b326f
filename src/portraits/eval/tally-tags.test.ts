import { describe, expect, it } from 'vitest';
import { formatTagScores, tallyTags } from './tally-tags.js';

const customer = (traits: string[], tags: string[], features: Record<string, number> = {}) => ({
  customerNo: Math.random().toString(36),
  traits: new Set(traits),
  tags: new Set(tags),
  features,
});

describe('tag evaluation against planted traits', () => {
  it('counts precision over tagged customers and recall over trait holders', () => {
    const scores = tallyTags([
      customer(['hall_goer'], ['hall_goer']),
      customer(['hall_goer'], []),
      customer([], ['hall_goer']),
      customer([], []),
    ]);
    const hall = scores.find((s) => s.tag === 'hall_goer');
    expect(hall).toMatchObject({ planted: 2, tagged: 2, truePositives: 1, precision: 0.5, recall: 0.5 });
  });

  it('reports recall over holders who had the opportunity separately', () => {
    const scores = tallyTags([
      customer(['escalation_prone'], ['escalation_prone'], { complaints_12m: 2 }),
      customer(['escalation_prone'], [], { complaints_12m: 0 }),
      customer(['escalation_prone'], [], { complaints_12m: 0 }),
    ]);
    const s = scores.find((x) => x.tag === 'escalation_prone');
    expect(s).toMatchObject({ planted: 3, observable: 1, recall: 1 / 3, observableRecall: 1 });
    expect(formatTagScores(scores)).toContain(
      '| escalation_prone | escalation_prone | 3 | 1 | 1 | 1.00 | 0.33 | 1.00 | observable only |',
    );
  });

  it('leaves precision undefined when nothing was tagged', () => {
    const s = tallyTags([customer(['emotional'], [])]).find((x) => x.tag === 'emotional');
    expect(s?.precision).toBeNull();
    expect(s?.recall).toBe(0);
  });
});
