import { newSourceStates } from './compute-features.js';
import type { PreparedPortraits } from './portrait-engine.js';

/** `prepared` cut into `parts` slices of its subjects, each with its own portraits and states. */
export function splitPrepared(prepared: PreparedPortraits, parts: number): PreparedPortraits[] {
  const size = Math.ceil(prepared.keys.length / parts);
  return Array.from({ length: parts }, (_, i) => {
    const keys = prepared.keys.slice(i * size, (i + 1) * size);
    const own = new Set(keys);
    const sourceStates = newSourceStates(prepared.kind);
    for (const key of keys) {
      const states = prepared.sourceStates.states.get(key);
      if (states) sourceStates.states.set(key, states);
      const applied = prepared.sourceStates.applied.get(key);
      if (applied) sourceStates.applied.set(key, applied);
    }
    return { ...prepared, keys, portraits: prepared.portraits.filter((p) => own.has(p.key)), sourceStates };
  });
}
