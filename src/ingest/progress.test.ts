import { describe, expect, it } from 'vitest';
import { createProgress } from './progress.js';

function fakeStream(isTTY: boolean): { stream: NodeJS.WriteStream; text: () => string } {
  let text = '';
  const stream = {
    isTTY,
    columns: 120,
    write(chunk: string) {
      text += chunk;
      return true;
    },
    cursorTo() {
      return true;
    },
    clearLine() {
      return true;
    },
    moveCursor() {
      return true;
    },
  } as unknown as NodeJS.WriteStream;
  return { stream, text: () => text };
}

describe('createProgress', () => {
  it('prints plain periodic lines with count and rate when not on a terminal', () => {
    const { stream, text } = fakeStream(false);
    const progress = createProgress({ label: 'customers.csv', total: 200, unit: 'rows', stream, intervalMs: 0 });
    progress.tick(120);
    expect(text()).toMatch(/^customers\.csv: 120 rows, \d+ rows\/s \(~60%\)\n$/);
  });

  it('draws a bar with rate and ETA on a terminal', () => {
    const { stream, text } = fakeStream(true);
    const progress = createProgress({ label: 'readings.csv', total: 10, unit: 'rows', stream });
    progress.tick(5);
    progress.done();
    expect(text()).toContain('readings.csv [');
    // done() settles the total on the real count, so an estimate never leaves the bar short.
    expect(text()).toMatch(/5\/5 rows \| \d+ rows\/s \| ETA/);
  });

  it('reports nothing when disabled', () => {
    const { stream, text } = fakeStream(false);
    const progress = createProgress({ label: 'x', stream, intervalMs: 0, enabled: false });
    progress.tick(5);
    progress.done();
    expect(text()).toBe('');
  });
});
