import { describe, expect, it } from 'vitest';
import { scoreSentiment } from '../sentiment.js';
import type { TranscriptTurn } from '../transcript.js';
import { ANGRY_SENTIMENT, isAngryCustomer } from './inspect-calls.js';

const turn = (speaker: TranscriptTurn['speaker'], text: string, seq = 1): TranscriptTurn => ({
  seq,
  speaker,
  text,
  start_ms: seq * 1000,
  end_ms: seq * 1000 + 900,
});

describe('isAngryCustomer', () => {
  it('does not take a calm threat to escalate for anger', () => {
    const text = '再不解决我就打12345投诉你们，还要打12398';
    // The threat words alone reach the anger line; the emotion words do not.
    expect(scoreSentiment(text, 'customer').score).toBeLessThanOrEqual(ANGRY_SENTIMENT);
    expect(isAngryCustomer([turn('agent', '您好，请问有什么可以帮您？'), turn('customer', text, 2)])).toBe(false);
  });

  it('takes an angry caller for angry, threat or no threat', () => {
    expect(isAngryCustomer([turn('customer', '你们太过分了！气死我了！简直是垃圾服务！')])).toBe(true);
    expect(isAngryCustomer([turn('customer', '气死我了！太过分了！再不解决我就打12398！')])).toBe(true);
  });

  it('reads only the customer', () => {
    expect(isAngryCustomer([turn('agent', '你们太过分了！气死我了！简直是垃圾服务！')])).toBe(false);
  });
});
