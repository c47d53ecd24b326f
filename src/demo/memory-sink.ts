import type { ImportKind, RecordSink, RecordsByKind } from '../ingest/records.js';

/** Keeps every record in memory, by kind (tests and small previews). */
export interface MemorySink extends RecordSink {
  readonly records: { [K in ImportKind]?: RecordsByKind[K][] };
  all<K extends ImportKind>(kind: K): RecordsByKind[K][];
}

export function createMemorySink(): MemorySink {
  const records: { [K in ImportKind]?: RecordsByKind[K][] } = {};
  return {
    records,
    all: <K extends ImportKind>(kind: K) => (records[kind] ?? []) as RecordsByKind[K][],
    async write(kind, list) {
      if (!records[kind]) records[kind] = [];
      const target = records[kind] as RecordsByKind[typeof kind][];
      for (const record of list) target.push(record);
    },
    async close() {},
  };
}
