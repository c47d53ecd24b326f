/**
 * Word boundaries from @node-rs/jieba, for keywords marked wholeWord: "电费" must not hit
 * inside "充电费用" when a rule means the word. One dictionary load per process (~170 ms).
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

let jieba: Jieba | undefined;

/** Char offsets where a word starts or ends (0 and text.length included). */
export function wordBoundaries(text: string): Set<number> {
  jieba ??= Jieba.withDict(dict);
  const boundaries = new Set<number>([0]);
  let at = 0;
  for (const word of jieba.cut(text, false)) {
    at += word.length;
    boundaries.add(at);
  }
  return boundaries;
}
