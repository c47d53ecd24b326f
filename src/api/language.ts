import { DEFAULT_LANGUAGE, type Language, LANGUAGES } from '../traces/attribute-labels.js';

/** `?lang=` values the API accepts; the OpenAPI schema lists them. */
export const LANGUAGE_VALUES = LANGUAGES;

function fromTag(tag: string): Language | undefined {
  const primary = tag.trim().toLowerCase().split('-')[0];
  if (primary === 'en') return 'en';
  if (primary === 'zh') return 'zh-CN';
  return undefined;
}

/**
 * The language of server-built text (timeline summaries): `?lang=` wins, then the
 * Accept-Language header by quality, then zh-CN. Tags we don't speak are skipped, so
 * "fr, en;q=0.5" answers in English.
 */
export function requestLanguage(lang: string | undefined, acceptLanguage: string | undefined): Language {
  if (lang) return fromTag(lang) ?? DEFAULT_LANGUAGE;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { tag, q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    const language = fromTag(tag);
    if (language) return language;
  }
  return DEFAULT_LANGUAGE;
}
