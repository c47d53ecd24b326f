/**
 * Cuts a turn's text at every edge of the hit spans, so overlapping hits each get a mark:
 * every piece lists the spans that cover it whole. Offsets are UTF-16 code units, as the
 * engine reports them; spans reaching past the text are clipped.
 */
export interface MarkSpan<T> {
  start: number;
  end: number;
  hit: T;
}

export interface MarkPiece<T> {
  start: number;
  end: number;
  text: string;
  /** Empty for plain text. */
  covering: T[];
}

export function splitMarked<T>(text: string, spans: MarkSpan<T>[]): MarkPiece<T>[] {
  const clip = (n: number) => Math.max(0, Math.min(text.length, n));
  const edges = new Set<number>([0, text.length]);
  for (const span of spans) {
    edges.add(clip(span.start));
    edges.add(clip(span.end));
  }
  const cuts = [...edges].sort((a, b) => a - b);
  const pieces: MarkPiece<T>[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const start = cuts[i] ?? 0;
    const end = cuts[i + 1] ?? start;
    if (end <= start) continue;
    const covering = spans.filter((span) => span.start <= start && span.end >= end).map((span) => span.hit);
    pieces.push({ start, end, text: text.slice(start, end), covering });
  }
  return pieces;
}
