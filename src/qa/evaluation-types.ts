/** What evaluating a condition sees (the transcript's precomputed index) and returns. */
import type { Speaker, TextLeaf } from './rule-language.js';
import type { Sentiment } from './sentiment.js';
import type { TimingFeatures } from './timing.js';
import type { TranscriptTurn } from './transcript.js';

/** One occurrence of a text expression: turn index and char span inside the turn's text. */
export interface Occurrence {
  turn: number;
  start: number;
  end: number;
}

/** Why a condition held: enough to highlight the span and show the figures compared. */
export interface Evidence {
  operator: string;
  expression: string;
  turnIndex: number | null;
  charStart: number | null;
  charEnd: number | null;
  speaker: Speaker | null;
  matched?: string;
  actual?: string;
}

export interface Outcome {
  hit: boolean;
  evidence: Evidence[];
}

/**
 * The per-transcript index. The compiled engine fills `occurrences` from one Aho–Corasick
 * pass; the naive evaluator scans a regex per call. Everything else is shared, so both
 * reach the same verdicts.
 */
export interface EvalContext {
  turns: readonly TranscriptTurn[];
  /** Raw occurrences of a text leaf, before its speaker and window filters, in text order. */
  occurrences(leaf: TextLeaf): readonly Occurrence[];
  timing(): TimingFeatures;
  sentiment(turn: number): Sentiment;
}
