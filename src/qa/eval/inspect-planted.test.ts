import { describe, expect, it } from 'vitest';
import { compileScheme } from '../compile-scheme.js';
import { DEFAULT_95598_SCHEME } from '../schemes/default-95598/index.js';
import { inspectPlanted } from './inspect-planted.js';

const compiled = compileScheme(DEFAULT_95598_SCHEME);
const turn = (seq: number, speaker: 'agent' | 'customer', text: string) => ({
  seq,
  speaker,
  text,
  start_ms: seq * 3000,
  end_ms: seq * 3000 + 2000,
});

describe('inspectPlanted', () => {
  it('pairs each call with its planted codes and the rules that hit', () => {
    const calls = [{ call_id: 'C1', turns: [turn(0, 'agent', '喂，请讲。'), turn(1, 'customer', '查电费')] }];
    const [result, ...rest] = [...inspectPlanted(compiled, calls, new Map([['C1', ['missing_greeting']]]))];
    expect(rest).toEqual([]);
    expect(result?.planted).toEqual(['missing_greeting']);
    expect(result?.hitRuleIds).toContain('etiquette.missing_greeting');
  });

  it('skips calls without ground truth or without turns', () => {
    const calls = [{ call_id: 'C1' }, { call_id: 'C2', turns: [turn(0, 'agent', '您好')] }];
    expect([...inspectPlanted(compiled, calls, new Map([['C1', []]]))]).toEqual([]);
  });
});
