/**
 * The default 95598 QA scheme (质检方案), shipped as data. Rules are grouped by category
 * in the files beside this one; each carries examples that hit and examples that must not.
 */
import type { QaScheme } from '../../rule-language.js';
import { accuracyRules } from './accuracy.js';
import { bonusRules } from './bonus.js';
import { emotionRules } from './emotion.js';
import { etiquetteRules } from './etiquette.js';
import { forbiddenRules } from './forbidden.js';
import { privacyRules } from './privacy.js';
import { processRules } from './process.js';

export const DEFAULT_95598_SCHEME: QaScheme = {
  id: 'default-95598',
  name: '95598 全量智能质检方案',
  version: 1,
  baseScore: 100,
  categories: {
    etiquette: { name: '服务礼仪', maxDeduction: 20, maxBonus: 3 },
    accuracy: { name: '业务准确', maxDeduction: 25 },
    process: { name: '流程规范', maxDeduction: 25, maxBonus: 2 },
    forbidden: { name: '服务禁语', maxDeduction: 40 },
    emotion: { name: '情绪安抚', maxDeduction: 20, maxBonus: 3 },
  },
  synonyms: [
    ['抱歉', '不好意思'],
    ['停电', '没电', '断电'],
    ['再见', '拜拜'],
  ],
  rules: [
    ...etiquetteRules,
    ...processRules,
    ...privacyRules,
    ...forbiddenRules,
    ...emotionRules,
    ...accuracyRules,
    ...bonusRules,
  ],
};
