import type { Locale } from 'antd/es/locale/index.js';
import enModule from 'antd/locale/en_US.js';
import zhModule from 'antd/locale/zh_CN.js';

// antd's locale files are CommonJS with `exports.default`. Under NodeNext TypeScript types a
// default import of them as the whole module, while the bundler hands over the locale itself;
// unwrapping by shape works for both.
function unwrapLocale(module: unknown): Locale {
  let value = module;
  while (typeof value === 'object' && value !== null && !('locale' in value) && 'default' in value) {
    value = (value as { default: unknown }).default;
  }
  return value as Locale;
}

export const antdZhCN = unwrapLocale(zhModule);
export const antdEnUS = unwrapLocale(enModule);
