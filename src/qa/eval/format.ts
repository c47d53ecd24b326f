/** Renders a QaEvaluation as a plain-text table (one row per code, its rules indented). */
import type { Counts, QaEvaluation } from './tally.js';

const pct = (value: number | null): string => (value === null ? '–' : value.toFixed(2));

function row(label: string, planted: string, c: Counts): string[] {
  return [
    label,
    planted,
    String(c.truePositives),
    String(c.falsePositives),
    String(c.falseNegatives),
    pct(c.precision),
    pct(c.recall),
  ];
}

export function formatEvaluation(evaluation: QaEvaluation, options: { rules?: boolean } = {}): string {
  const header = ['violation / rule', 'planted', 'TP', 'FP', 'FN', 'precision', 'recall'];
  const rows: string[][] = [];
  for (const code of evaluation.codes) {
    rows.push(row(code.code, String(code.planted), code));
    if (options.rules !== false && code.rules.length > 1)
      for (const rule of code.rules) rows.push(row(`  ${rule.ruleId}`, '', rule));
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [`${evaluation.calls} calls inspected`, line(header), ...rows.map(line)].join('\n');
}

/** Markdown table for docs (codes only). */
export function formatEvaluationMarkdown(evaluation: QaEvaluation): string {
  const lines = [
    '| violation | planted | TP | FP | FN | precision | recall |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const c of evaluation.codes) lines.push(`| ${row(`\`${c.code}\``, String(c.planted), c).join(' | ')} |`);
  return lines.join('\n');
}
