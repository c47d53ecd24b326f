/**
 * Planted-violation codes of the demo transcript generator (src/demo/qa-violations.ts) →
 * the default-scheme rules that should detect them. `gridcare eval qa` counts a planted
 * violation as found when any of its rules hits. The rules were written from the 95598
 * norms and their own examples, not tuned on the generator's output.
 */
export const VIOLATION_RULES = {
  missing_greeting: ['etiquette.missing_greeting'],
  missing_self_intro: ['etiquette.missing_self_intro'],
  no_identity_check: ['process.account_before_identity'],
  forbidden_words: [
    'forbidden.abusive',
    'forbidden.shirking',
    'forbidden.impatient',
    'forbidden.dismissive',
    'forbidden.blaming_customer',
    'forbidden.slang',
  ],
  long_silence_no_hold_notice: ['process.silence_without_hold'],
  angry_not_soothed: ['emotion.angry_not_soothed'],
  interruption: ['etiquette.interrupting_customer'],
  missing_closing: ['etiquette.missing_closing'],
  transfer_without_explanation: ['process.transfer_without_explanation'],
  no_confirmation: ['process.no_confirmation'],
} as const satisfies Record<string, readonly string[]>;

export type ViolationCode = keyof typeof VIOLATION_RULES;
