/** Pairs each call's transcript with its planted violations and inspects it. */
import type { CallTurn } from '../../ingest/records.js';
import { isChannel } from '../../traces/vocabulary.js';
import type { CompiledScheme } from '../compile-scheme.js';
import { inspect } from '../inspect.js';
import type { InspectedCall } from './tally.js';

export interface PlantedCall {
  call_id: string;
  channel?: string;
  turns?: readonly CallTurn[];
}

/**
 * `planted`: call id → planted codes. A call without ground truth or without turns is
 * skipped: there is nothing to score it against.
 */
export function* inspectPlanted(
  compiled: CompiledScheme,
  calls: Iterable<PlantedCall>,
  planted: ReadonlyMap<string, readonly string[]>,
): Generator<InspectedCall> {
  for (const call of calls) {
    const codes = planted.get(call.call_id);
    if (codes === undefined || !call.turns) continue;
    const channel = call.channel !== undefined && isChannel(call.channel) ? call.channel : undefined;
    const result = inspect(compiled, { turns: call.turns, channel });
    yield { planted: codes, hitRuleIds: result.hits.map((h) => h.ruleId) };
  }
}
