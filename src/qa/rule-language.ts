/**
 * The QA rule language: JSON data, checked by these zod schemas when a scheme is saved.
 * Conditions combine with all / any / not (json-rules-engine's shape); leaves are operators.
 * Text leaves (keyword, regex) take a speaker filter and a position window; every other
 * operator is built on them or on timing and emotion features of the transcript.
 */
import { z } from 'zod';
import { CHANNELS, type Channel } from '../traces/vocabulary.js';

export const SPEAKERS = ['agent', 'customer', 'system'] as const;
const speaker = z.enum([...SPEAKERS, 'any']);
const positiveInt = z.number().int().min(1);
const seconds = z.number().positive();

/** Position window: first/last N turns or N seconds of the call. */
const windowSchema = z
  .strictObject({
    firstTurns: positiveInt.optional(),
    lastTurns: positiveInt.optional(),
    firstSeconds: seconds.optional(),
    lastSeconds: seconds.optional(),
  })
  .refine((w) => Object.keys(w).length > 0, 'a window needs firstTurns, lastTurns, firstSeconds or lastSeconds');

const textScope = { speaker: speaker.optional(), window: windowSchema.optional(), minCount: positiveInt.optional() };

const word = z
  .string()
  .min(1, 'a keyword must not be empty')
  .refine((w) => !/[\r\n]/.test(w), 'a keyword must not contain a line break');

export const keywordSchema = z.strictObject({
  op: z.literal('keyword'),
  words: z.array(word).min(1, 'the keyword list is empty'),
  /** Only hits whose span starts and ends on a jieba word boundary. */
  wholeWord: z.boolean().optional(),
  ...textScope,
});

export const regexSchema = z.strictObject({
  op: z.literal('regex'),
  pattern: z.string().min(1, 'the regular expression is empty'),
  flags: z
    .string()
    .regex(/^[imsu]*$/, 'only the flags i, m, s and u are allowed')
    .optional(),
  ...textScope,
});

export const textLeafSchema = z.discriminatedUnion('op', [keywordSchema, regexSchema]);

const distance = {
  maxTurns: z.number().int().min(0).optional(),
  maxChars: z.number().int().min(0).optional(),
};

export const operatorSchemas = {
  keyword: keywordSchema,
  regex: regexSchema,
  absent: z.strictObject({ op: z.literal('absent'), expr: textLeafSchema }),
  order: z.strictObject({ op: z.literal('order'), first: textLeafSchema, second: textLeafSchema, ...distance }),
  near: z
    .strictObject({ op: z.literal('near'), a: textLeafSchema, b: textLeafSchema, ...distance })
    .refine((n) => n.maxTurns !== undefined || n.maxChars !== undefined, 'near needs maxTurns or maxChars'),
  silence: z.strictObject({
    op: z.literal('silence'),
    minSeconds: seconds,
    /** A silence right after a hold notice ("请您稍等") is excused. */
    holdNotice: textLeafSchema.optional(),
    holdLookbackTurns: positiveInt.optional(),
    minCount: positiveInt.optional(),
  }),
  interruption: z.strictObject({
    op: z.literal('interruption'),
    by: z.enum(['agent', 'customer']),
    minOverlapMs: z.number().int().min(0),
    minCount: positiveInt.optional(),
  }),
  speechRate: z
    .strictObject({
      op: z.literal('speechRate'),
      speaker: z.enum(SPEAKERS).optional(),
      above: z.number().positive().optional(),
      below: z.number().positive().optional(),
      /** Short turns ("好的") say nothing about rate. */
      minTurnChars: positiveInt.optional(),
      measure: z.enum(['mean', 'anyTurn']).optional(),
    })
    .refine((r) => r.above !== undefined || r.below !== undefined, 'speechRate needs above or below'),
  responseDelay: z.strictObject({
    op: z.literal('responseDelay'),
    minSeconds: seconds,
    minCount: positiveInt.optional(),
  }),
  emotion: z.strictObject({
    op: z.literal('emotion'),
    speaker: z.enum(SPEAKERS).optional(),
    atMost: z.number().max(0, 'atMost is a negative sentiment score (≤ 0)'),
    window: windowSchema.optional(),
    minCount: positiveInt.optional(),
  }),
  emotionTrend: z.strictObject({
    op: z.literal('emotionTrend'),
    slopeAtMost: z.number().negative('slopeAtMost must be negative: the score falls as anger rises'),
    minTurns: z.number().int().min(2).optional(),
  }),
  angryNotSoothed: z.strictObject({
    op: z.literal('angryNotSoothed'),
    atMost: z.number().max(0, 'atMost is a negative sentiment score (≤ 0)'),
    soothing: textLeafSchema,
    withinTurns: positiveInt.optional(),
    /** Leave the caller's threat words (投诉, 曝光, 12398 …) out of the score: a demand, not agitation. */
    ignoreThreats: z.boolean().optional(),
  }),
} as const;

export type OperatorName = keyof typeof operatorSchemas;
export const OPERATORS = Object.keys(operatorSchemas) as OperatorName[];

export type KeywordCondition = z.infer<typeof keywordSchema>;
export type RegexCondition = z.infer<typeof regexSchema>;
export type TextLeaf = KeywordCondition | RegexCondition;
export type LeafCondition = { [K in OperatorName]: z.infer<(typeof operatorSchemas)[K]> }[OperatorName];
export type Condition = LeafCondition | { all: Condition[] } | { any: Condition[] } | { not: Condition };
export type Speaker = (typeof SPEAKERS)[number];

/** An example transcript: [speaker, text] or [speaker, text, startSeconds, endSeconds]. */
const exampleTurn = z.union([
  z.tuple([z.enum(SPEAKERS), z.string()]),
  z.tuple([z.enum(SPEAKERS), z.string(), z.number().min(0), z.number().min(0)]),
]);
export const exampleSchema = z.strictObject({ note: z.string().optional(), turns: z.array(exampleTurn).min(1) });
export type RuleExample = z.infer<typeof exampleSchema>;

/** The rule without its condition; the condition tree is checked by hand for precise paths. */
export const ruleHeaderSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9_.-]*$/, 'a rule id is lower-case letters, digits, _ . -'),
  name: z.string().min(1),
  description: z.string().min(1),
  category: z.string().min(1),
  /** Negative: points deducted; positive: bonus for excellent service. */
  points: z.number().refine((p) => p !== 0, 'points must not be 0'),
  /** 一票否决: a hit sets the score to 0 whatever else happened. */
  veto: z.boolean().optional(),
  enabled: z.boolean().optional(),
  /**
   * The channels whose transcripts the rule judges, e.g. speech rate and answer delays only on
   * phone calls (a chat is typed, and its replies wait for the customer's typing). Absent:
   * every channel. A transcript of another channel neither hits nor passes the rule.
   */
  channels: z
    .array(z.enum(Object.keys(CHANNELS) as [Channel, ...Channel[]]))
    .min(1)
    .optional(),
  when: z.unknown(),
  examples: z.strictObject({ hit: z.array(exampleSchema), miss: z.array(exampleSchema) }).optional(),
});

export type QaRule = Omit<z.infer<typeof ruleHeaderSchema>, 'when'> & { when: Condition };

export const schemeHeaderSchema = z.strictObject({
  id: z.string().min(1),
  name: z.string().min(1),
  version: z.number().int().min(1),
  baseScore: z.number().positive().optional(),
  categories: z.record(
    z.string(),
    z.strictObject({
      name: z.string().min(1),
      maxDeduction: z.number().min(0),
      maxBonus: z.number().min(0).optional(),
    }),
  ),
  /** Groups of interchangeable words: a keyword matches every word of its group. */
  synonyms: z.array(z.array(word).min(2, 'a synonym group needs at least two words')).optional(),
  rules: z.array(z.unknown()),
});

export type QaScheme = Omit<z.infer<typeof schemeHeaderSchema>, 'rules'> & { rules: QaRule[] };
