/**
 * Progress of a long job (imports, the demo world, rebuilds): a bar with rate and ETA on a
 * terminal, a plain line every few seconds otherwise (logs, CI), so both stay readable.
 */
import cliProgress from 'cli-progress';

export interface Progress {
  tick(n?: number): void;
  /** Sets or corrects the expected total (e.g. once an estimate improves). */
  setTotal(total: number): void;
  done(): void;
}

export interface ProgressOptions {
  label: string;
  total?: number | undefined;
  /** What is counted: 'rows', 'customers' … */
  unit?: string;
  stream?: NodeJS.WriteStream;
  /** Plain-line interval when not on a terminal. */
  intervalMs?: number;
  /** false: report nothing (tests, --quiet). */
  enabled?: boolean;
}

export function createProgress(options: ProgressOptions): Progress {
  const { label, unit = 'rows', stream = process.stderr, intervalMs = 5000 } = options;
  if (options.enabled === false) return { tick() {}, setTotal() {}, done() {} };
  const started = Date.now();
  let count = 0;
  let total = options.total;
  const rate = () => Math.round(count / Math.max((Date.now() - started) / 1000, 0.001));
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        stream,
        format: `${label} [{bar}] {percentage}% | {value}/{total} ${unit} | {rate} ${unit}/s | ETA {eta_formatted}`,
        hideCursor: true,
        etaBuffer: 50,
        fps: 5,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total ?? 0, 0, { rate: 0 });
    return {
      tick(n = 1) {
        count += n;
        if (total !== undefined && count > total) {
          total = count;
          bar.setTotal(total);
        }
        bar.update(count, { rate: rate() });
      },
      setTotal(next) {
        total = Math.max(next, count);
        bar.setTotal(total);
      },
      done() {
        bar.setTotal(count);
        bar.update(count, { rate: rate() });
        bar.stop();
      },
    };
  }
  let lastLine = started;
  const line = () => `${label}: ${count} ${unit}, ${rate()} ${unit}/s`;
  return {
    tick(n = 1) {
      count += n;
      if (Date.now() - lastLine >= intervalMs) {
        lastLine = Date.now();
        stream.write(`${line()}${total ? ` (~${Math.min(100, Math.round((100 * count) / total))}%)` : ''}\n`);
      }
    },
    setTotal(next) {
      total = next;
    },
    done() {
      // Small files finish silently; the summary table reports them.
      if (Date.now() - started < 1000) return;
      stream.write(`${line()}, done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    },
  };
}
