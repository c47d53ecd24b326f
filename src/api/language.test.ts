import { describe, expect, it } from 'vitest';
import { requestLanguage } from './language.js';

describe('requestLanguage', () => {
  it.each([
    [undefined, undefined, 'zh-CN'],
    ['en', 'zh-CN', 'en'],
    ['zh-CN', 'en', 'zh-CN'],
    [undefined, 'en', 'en'],
    [undefined, 'en-US,en;q=0.9', 'en'],
    [undefined, 'zh-CN,zh;q=0.9,en;q=0.8', 'zh-CN'],
    [undefined, 'fr-FR, en;q=0.5, zh;q=0.4', 'en'],
    [undefined, 'zh;q=0.3, en;q=0.7', 'en'],
    [undefined, 'en;q=0, zh', 'zh-CN'],
    [undefined, 'de', 'zh-CN'],
  ])('lang=%s with Accept-Language %s answers in %s', (lang, header, expected) => {
    expect(requestLanguage(lang, header)).toBe(expected);
  });
});
