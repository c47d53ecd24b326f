/**
 * A compact Chinese sentiment lexicon for 95598 call text. Weights: negative = anger or
 * dissatisfaction, positive = satisfaction. Built from the words customers use in power-supply
 * complaints (outage length, repeated outages, bills, escalation threats) rather than from a
 * general-purpose lexicon, whose literary entries rarely occur in calls.
 *
 * Scale: −3 threat / outrage (投诉, 曝光, 受够了), −2 clear anger or dissatisfaction,
 * −1 impatience or complaint markers, +1 mild satisfaction, +2 thanks and praise.
 * A turn scoring ≤ −3 reads as angry in the default scheme.
 */
export const SENTIMENT_WORDS: Readonly<Record<string, number>> = {
  // −3: escalation threats and outrage
  投诉: -3,
  曝光: -3,
  找媒体: -3,
  '12398': -3,
  打市长热线: -3,
  太过分: -3,
  气死: -3,
  岂有此理: -3,
  欺负人: -3,
  骗子: -3,
  垃圾: -3,
  忍无可忍: -3,
  受够了: -3,
  受不了: -3,
  破服务: -3,
  // a rebuke, the register of 什么态度 and 不像话; 咋 is the colloquial (and speech-recognised) 怎么
  怎么搞的: -3,
  咋搞的: -3,
  什么态度: -3,
  不像话: -3,
  有完没完: -3,
  找你们领导: -3,
  // −2: anger, dissatisfaction
  生气: -2,
  愤怒: -2,
  火大: -2,
  不满: -2,
  不满意: -2,
  失望: -2,
  急死: -2,
  烦死: -2,
  差劲: -2,
  离谱: -2,
  没人管: -2,
  敷衍: -2,
  推脱: -2,
  踢皮球: -2,
  糊弄: -2,
  耽误: -2,
  损失: -2,
  赔偿: -2,
  凭什么: -2,
  搞什么: -2,
  无语: -2,
  又停电: -2,
  老是停电: -2,
  // −1: impatience and complaint markers
  // A verdict on a tariff or a rule (阶梯电价太不合理), not on the agent: even intensified it
  // stays dissatisfaction (−1.5) rather than anger, which the default scheme sets at −3.
  不合理: -1,
  怎么回事: -1,
  怎么还: -1,
  还没: -1,
  到底: -1,
  为什么: -1,
  着急: -1,
  等了: -1,
  多久: -1,
  不行: -1,
  麻烦: -1,
  // positive
  谢谢: 2,
  感谢: 2,
  辛苦: 2,
  满意: 2,
  太好了: 2,
  好的: 1,
  明白了: 1,
  理解: 1,
  放心: 1,
  不错: 1,
};

/**
 * The caller's escalation threats. From an agent they are information, not emotion: telling the
 * customer "您也可以拨打12398" or "我马上为您登记投诉工单" is the norms at work, so these words
 * weigh nothing in agent turns. An agent who answers a threat rudely ("爱投诉就投诉") is caught
 * by the forbidden-words rules, not by sentiment.
 */
export const CALLER_THREATS: ReadonlySet<string> = new Set([
  '投诉',
  '曝光',
  '找媒体',
  '12398',
  '打市长热线',
  '找你们领导',
]);

/** Degree adverbs multiply the weight of the sentiment word that follows within 3 characters. */
export const INTENSIFIERS: Readonly<Record<string, number>> = {
  太: 1.5,
  非常: 1.5,
  特别: 1.5,
  实在: 1.5,
  简直: 1.5,
  根本: 1.5,
  极其: 2,
  真的: 1.3,
  真: 1.3,
  一直: 1.3,
  老是: 1.3,
  总是: 1.3,
};

/**
 * A negator within 3 characters before a word flips it: 不满意 is listed whole, but
 * "不是很满意" and "没有理解" are caught here. Negated negatives (不生气) turn only half
 * positive, because "我不是生气" is still a tense turn.
 */
export const NEGATORS: readonly string[] = ['不', '没', '没有', '别', '并不', '不是', '未'];
export const NEGATED_POSITIVE_FACTOR = -1;
export const NEGATED_NEGATIVE_FACTOR = -0.5;
/** Each exclamation mark deepens an already negative turn by this much, at most 2 marks. */
export const EXCLAMATION_WEIGHT = -0.5;
