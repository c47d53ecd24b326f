import type { Names, TagDimension } from '../engine/types.js';

/** Tag dimensions in display order: the five of seed 000 first. */
export const TAG_DIMENSIONS: Array<{ code: TagDimension; name: Names }> = [
  { code: 'sensitivity', name: { zh: '敏感度', en: 'Sensitivity' } },
  { code: 'credibility', name: { zh: '诚信度', en: 'Credibility' } },
  { code: 'expectation', name: { zh: '期望值', en: 'Expectation' } },
  { code: 'friendliness', name: { zh: '友善度', en: 'Friendliness' } },
  { code: 'social_influence', name: { zh: '社会影响力', en: 'Social influence' } },
  { code: 'value', name: { zh: '客户价值', en: 'Customer value' } },
  { code: 'behaviour', name: { zh: '服务偏好', en: 'Service preference' } },
  { code: 'consumption', name: { zh: '用电规律', en: 'Consumption' } },
];
