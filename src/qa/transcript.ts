/** The transcript the QA engine reads: the turns of one call or online chat, in order. */
import type { CallTurn } from '../ingest/records.js';
import type { Channel } from '../traces/vocabulary.js';
import type { RuleExample } from './rule-language.js';

export type TranscriptTurn = Pick<CallTurn, 'speaker' | 'start_ms' | 'end_ms' | 'text'> & { seq?: number };

export interface Transcript {
  turns: readonly TranscriptTurn[];
  /** The call's channel; rules scoped to other channels (QaRule.channels) do not judge it. Unknown: every rule does. */
  channel?: Channel | undefined;
}

/** Example turns without timings speak at 4 characters per second with 0.8 s between turns. */
const EXAMPLE_CHARS_PER_SECOND = 4;
const EXAMPLE_GAP_MS = 800;

/** Turns a rule example (compact tuples) into a transcript. */
export function exampleTranscript(example: RuleExample): Transcript {
  let clock = 0;
  const turns = example.turns.map((turn, seq): TranscriptTurn => {
    const [speaker, text] = turn;
    if (turn.length === 4) {
      clock = turn[3] * 1000;
      return { seq, speaker, text, start_ms: Math.round(turn[2] * 1000), end_ms: Math.round(turn[3] * 1000) };
    }
    const start = clock === 0 && seq === 0 ? 0 : clock + EXAMPLE_GAP_MS;
    const end = start + Math.max(500, Math.round((text.length / EXAMPLE_CHARS_PER_SECOND) * 1000));
    clock = end;
    return { seq, speaker, text, start_ms: start, end_ms: end };
  });
  return { turns };
}
