/** Timing features of a transcript, computed once per inspection and shared by all rules. */
import type { TranscriptTurn } from './transcript.js';

export interface Gap {
  /** The turn after the silence. */
  turn: number;
  ms: number;
}

export interface Overlap {
  /** The turn that started too early, and the other party's turn it cut into. */
  turn: number;
  interrupted: number;
  ms: number;
}

export interface TimingFeatures {
  gaps: Gap[];
  overlaps: Overlap[];
  /** Agent replies to a customer turn: time from the customer's end to the agent's start. */
  responseDelays: Gap[];
  /** Spoken characters per turn (punctuation and spaces removed). */
  spokenChars: number[];
}

const NOT_SPOKEN = /[\s\p{P}\p{S}]/gu;

export const spokenLength = (text: string): number => text.replace(NOT_SPOKEN, '').length;

export function computeTiming(turns: readonly TranscriptTurn[]): TimingFeatures {
  const gaps: Gap[] = [];
  const overlaps: Overlap[] = [];
  const responseDelays: Gap[] = [];
  let lastEnd = turns[0]?.end_ms ?? 0;
  for (let i = 1; i < turns.length; i++) {
    const turn = turns[i] as TranscriptTurn;
    const gap = turn.start_ms - lastEnd;
    if (gap > 0) gaps.push({ turn: i, ms: gap });
    lastEnd = Math.max(lastEnd, turn.end_ms);
    // The latest earlier turn of another party: did this one start before it ended?
    for (let j = i - 1; j >= 0; j--) {
      const other = turns[j] as TranscriptTurn;
      if (other.speaker === turn.speaker || other.speaker === 'system') continue;
      if (turn.start_ms < other.end_ms) overlaps.push({ turn: i, interrupted: j, ms: other.end_ms - turn.start_ms });
      break;
    }
    const previous = turns[i - 1] as TranscriptTurn;
    if (turn.speaker === 'agent' && previous.speaker === 'customer') {
      responseDelays.push({ turn: i, ms: Math.max(0, turn.start_ms - previous.end_ms) });
    }
  }
  return { gaps, overlaps, responseDelays, spokenChars: turns.map((t) => spokenLength(t.text)) };
}

export const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
