/** Lexicon-based sentiment of one turn (see sentiment-lexicon.ts for the scale). */
import { AhoCorasick } from './aho-corasick.js';
import {
  CALLER_THREATS,
  EXCLAMATION_WEIGHT,
  INTENSIFIERS,
  NEGATED_NEGATIVE_FACTOR,
  NEGATED_POSITIVE_FACTOR,
  NEGATORS,
  SENTIMENT_WORDS,
} from './sentiment-lexicon.js';
import type { TranscriptTurn } from './transcript.js';

type Speaker = TranscriptTurn['speaker'];

export interface SentimentTerm {
  word: string;
  start: number;
  end: number;
  weight: number;
  /** A caller's escalation or complaint word (投诉, 曝光, 12398 …): a demand as much as an emotion. */
  threat: boolean;
}

export interface Sentiment {
  score: number;
  /**
   * The score without the caller's threat words: what the turn says about the caller's
   * emotion alone. A calm "再不解决我就打12398" is a demand, handled by the escalation rules.
   */
  scoreWithoutThreats: number;
  terms: SentimentTerm[];
}

type Kind = 'word' | 'intensifier' | 'negator';
const entries: { text: string; kind: Kind; value: number }[] = [
  ...Object.entries(SENTIMENT_WORDS).map(([text, value]) => ({ text, kind: 'word' as const, value })),
  ...Object.entries(INTENSIFIERS).map(([text, value]) => ({ text, kind: 'intensifier' as const, value })),
  ...NEGATORS.map((text) => ({ text, kind: 'negator' as const, value: 0 })),
];
const matcher = new AhoCorasick(entries.map((e) => e.text));
const LOOKBACK = 3;
const CLAUSE_BREAK = /[，。！？；、,.!?;]/;

interface Found {
  entry: (typeof entries)[number];
  start: number;
  end: number;
}

const isDigit = (ch: string | undefined) => ch !== undefined && ch >= '0' && ch <= '9';

/**
 * Whether a lexicon word found in the turn counts: a number (12398) only as a whole number, so
 * a phone number holding its digits is no threat; a caller's threat not in an agent's turn.
 */
function counts(f: Found, text: string, speaker: Speaker | undefined): boolean {
  if (f.entry.kind !== 'word') return false;
  if (speaker === 'agent' && CALLER_THREATS.has(f.entry.text)) return false;
  return !isDigit(f.entry.text[0]) || (!isDigit(text[f.start - 1]) && !isDigit(text[f.end]));
}

/** The turn's sentiment; `speaker` says whose words they are (a caller's threats weigh only for callers). */
export function scoreSentiment(text: string, speaker?: Speaker): Sentiment {
  const found: Found[] = [];
  matcher.scan(text, (id, start, end) => found.push({ entry: entries[id] as Found['entry'], start, end }));
  const words = found.filter((f) => counts(f, text, speaker));
  // A word inside a longer lexicon word (满意 in 不满意) is not counted twice.
  const kept = words.filter(
    (w) => !words.some((o) => o !== w && o.start <= w.start && o.end >= w.end && o.end - o.start > w.end - w.start),
  );
  const terms: SentimentTerm[] = [];
  for (const w of kept) {
    let weight = w.entry.value;
    // A negator or intensifier reaches across at most LOOKBACK characters and never across a
    // clause break: in "没有了，谢谢" the 没有 answers a question and does not negate 谢谢.
    const before = found.filter(
      (f) => f.end <= w.start && f.end >= w.start - LOOKBACK && !CLAUSE_BREAK.test(text.slice(f.end, w.start)),
    );
    const intensity = before
      .filter((f) => f.entry.kind === 'intensifier')
      .reduce((m, f) => Math.max(m, f.entry.value), 1);
    weight *= intensity;
    if (before.some((f) => f.entry.kind === 'negator')) {
      weight *= weight > 0 ? NEGATED_POSITIVE_FACTOR : NEGATED_NEGATIVE_FACTOR;
    }
    terms.push({ word: w.entry.text, start: w.start, end: w.end, weight, threat: CALLER_THREATS.has(w.entry.text) });
  }
  const marks = Math.min((text.match(/[!！]/g) ?? []).length, 2);
  return {
    score: total(terms, marks),
    scoreWithoutThreats: total(
      terms.filter((t) => !t.threat),
      marks,
    ),
    terms,
  };
}

/** Sum of the terms; exclamation marks sharpen a negative turn only. */
function total(terms: readonly SentimentTerm[], exclamationMarks: number): number {
  let score = terms.reduce((sum, t) => sum + t.weight, 0);
  if (score < 0) score += exclamationMarks * EXCLAMATION_WEIGHT;
  return Math.round(score * 100) / 100;
}

/** Least-squares slope of scores against their order (per customer turn). */
export function trendSlope(scores: readonly number[]): number {
  const n = scores.length;
  if (n < 2) return 0;
  const meanX = (n - 1) / 2;
  const meanY = scores.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  scores.forEach((y, x) => {
    num += (x - meanX) * (y - meanY);
    den += (x - meanX) ** 2;
  });
  return num / den;
}
