import { IMPORT_ORDER, type ImportKind, type RecordSink, type RecordsByKind } from '../ingest/records.js';
import type { GroundTruthLine, GroundTruthWriter } from './ground-truth.js';

type Buffers = { [K in ImportKind]: RecordsByKind[K][] };

/** Records of a run of customers, flushed to the sink in IMPORT_ORDER so references come first. */
export class WorldBatch {
  readonly records: Buffers = Object.fromEntries(IMPORT_ORDER.map((kind) => [kind, []])) as unknown as Buffers;
  readonly truth: GroundTruthLine[] = [];
  readonly written: Partial<Record<ImportKind, number>> = {};

  push<K extends ImportKind>(kind: K, record: RecordsByKind[K]): void {
    this.records[kind].push(record);
  }

  get size(): number {
    let n = 0;
    for (const kind of IMPORT_ORDER) n += this.records[kind].length;
    return n;
  }

  async flush(sink: RecordSink, truth: GroundTruthWriter): Promise<void> {
    for (const kind of IMPORT_ORDER) {
      const list = this.records[kind];
      if (list.length === 0) continue;
      await sink.write(kind, list);
      this.written[kind] = (this.written[kind] ?? 0) + list.length;
      this.records[kind] = [] as never;
    }
    for (const line of this.truth) await truth.write(line);
    this.truth.length = 0;
  }
}
