import type { CallTurn } from '../ingest/records.js';
import {
  ACCOUNT_DETAIL_MARKERS,
  CLOSING_PHRASES,
  CONFIRMATION_AFTER_CUSTOMER_TURNS,
  CONFIRMATION_PHRASES,
  FORBIDDEN_PHRASES,
  GREETING_PHRASES,
  HOLD_PHRASES,
  IDENTITY_CHECK_PHRASES,
  LONG_SILENCE_MS,
  type QaViolationCode,
  SELF_INTRO_PATTERN,
  SOOTHING_PHRASES,
  TRANSFER_EXPLANATION_PHRASES,
} from './qa-violations.js';

const has = (text: string, phrases: readonly string[]): boolean => phrases.some((p) => text.includes(p));

/** Whether the customer has spoken often enough for the norm to ask the agent to restate the request. */
export function restatementDue(turns: readonly CallTurn[]): boolean {
  const customerTurns = turns.filter((t) => t.speaker === 'customer' && t.text !== '').length;
  return customerTurns >= CONFIRMATION_AFTER_CUSTOMER_TURNS;
}

/**
 * Reads the planted violations back out of a transcript with the phrase lists of
 * qa-violations.ts. It is the generator's own check that every planted violation shows in
 * the text (and no other does); the QA engine is a separate, fuller implementation.
 */
export function violationsInTranscript(turns: readonly CallTurn[], customerAngry: boolean): Set<QaViolationCode> {
  const found = new Set<QaViolationCode>();
  const agent = turns.filter((t) => t.speaker === 'agent');
  const first = agent[0]?.text ?? '';
  if (!has(first, GREETING_PHRASES)) found.add('missing_greeting');
  if (!SELF_INTRO_PATTERN.test(first)) found.add('missing_self_intro');
  if (agent.some((t) => has(t.text, FORBIDDEN_PHRASES))) found.add('forbidden_words');
  if (customerAngry && !agent.some((t) => has(t.text, SOOTHING_PHRASES))) found.add('angry_not_soothed');
  if (!agent.some((t) => has(t.text, CLOSING_PHRASES))) found.add('missing_closing');
  const detail = turns.findIndex((t) => t.speaker === 'agent' && has(t.text, ACCOUNT_DETAIL_MARKERS));
  const check = turns.findIndex((t) => t.speaker === 'agent' && has(t.text, IDENTITY_CHECK_PHRASES));
  if (detail >= 0 && (check < 0 || check > detail)) found.add('no_identity_check');
  if (restatementDue(turns) && !agent.some((t) => has(t.text, CONFIRMATION_PHRASES))) found.add('no_confirmation');
  turns.forEach((turn, i) => {
    const prev = turns[i - 1];
    if (!prev) return;
    if (turn.speaker === 'agent' && prev.speaker === 'customer' && turn.start_ms < prev.end_ms)
      found.add('interruption');
    if (turn.start_ms - prev.end_ms > LONG_SILENCE_MS) {
      const lastAgent = turns
        .slice(0, i)
        .reverse()
        .find((t) => t.speaker === 'agent');
      if (!lastAgent || !has(lastAgent.text, HOLD_PHRASES)) found.add('long_silence_no_hold_notice');
    }
    if (
      turn.speaker === 'system' &&
      turn.text.startsWith('[转接') &&
      !(prev.speaker === 'agent' && has(prev.text, TRANSFER_EXPLANATION_PHRASES))
    ) {
      found.add('transfer_without_explanation');
    }
  });
  return found;
}
