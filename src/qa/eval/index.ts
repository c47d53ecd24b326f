/** Evaluation of QA rules against the violations the demo world planted (`gridcare eval qa`). */
export { formatEvaluation, formatEvaluationMarkdown } from './format.js';
export { inspectPlanted, type PlantedCall } from './inspect-planted.js';
export { type CodeTally, type Counts, type InspectedCall, type QaEvaluation, tallyViolations } from './tally.js';
