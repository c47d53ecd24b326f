/** Public API of the intelligent quality-inspection (智能质检) engine. */
export { type CompiledScheme, compileScheme } from './compile-scheme.js';
export type { Evidence } from './evaluation-types.js';
export { type CategoryScore, type InspectionResult, inspect, type RuleHit } from './inspect.js';
export { inspectNaive, prepareNaive } from './naive.js';
export {
  type Condition,
  type LeafCondition,
  OPERATORS,
  type OperatorName,
  type QaRule,
  type QaScheme,
  type RuleExample,
  type TextLeaf,
} from './rule-language.js';
export { DEFAULT_95598_SCHEME } from './schemes/default-95598/index.js';
export { type Sentiment, scoreSentiment } from './sentiment.js';
export { exampleTranscript, type Transcript, type TranscriptTurn } from './transcript.js';
export { validateScheme } from './validate-scheme.js';
export { VIOLATION_RULES, type ViolationCode } from './violation-map.js';
