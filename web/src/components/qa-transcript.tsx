import { Space, Tag, Tooltip, Typography } from 'antd';
import { Fragment, type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { QaEvidence, QaTurn } from '../../../src/api/contract.js';
import { type MarkSpan, splitMarked } from './qa-mark-spans.js';

/** What the transcript needs of a hit (a stored hit or one from "try it"): a key and its evidence. */
export interface QaMarkedHit {
  key: string;
  ruleCode: string;
  ruleName: string;
  points: number;
  /** Evidence with a turn and a character span is highlighted there; a turn alone marks the bubble. */
  evidence: QaEvidence[];
}

export const clock = (ms: number) => {
  const seconds = Math.floor(ms / 1000);
  return `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
};

export const turnElementId = (seq: number) => `qa-turn-${seq}`;

/** The text with each piece covered by a hit in a mark (the selected hit's first). */
function markText(
  text: string,
  spans: MarkSpan<QaMarkedHit>[],
  selectedKey: string | null,
  onSelect: (key: string) => void,
): ReactNode[] {
  return splitMarked(text, spans).map(({ start, text: piece, covering }) => {
    const chosen = covering.find((hit) => hit.key === selectedKey) ?? covering[0];
    if (!chosen) return <Fragment key={start}>{piece}</Fragment>;
    const selected = chosen.key === selectedKey;
    const deduction = chosen.points < 0;
    return (
      <Tooltip key={start} title={[...new Set(covering.map((hit) => hit.ruleName))].join(' / ')}>
        {/* biome-ignore lint/a11y/useKeyWithClickEvents: a shortcut; the hit list beside it selects the same hit by keyboard */}
        <mark
          data-testid="qa-mark"
          data-rule={chosen.ruleCode}
          data-rules={[...new Set(covering.map((hit) => hit.ruleCode))].join(' ')}
          data-hit={chosen.key}
          data-selected={selected ? 'true' : undefined}
          onClick={() => onSelect(chosen.key)}
          style={{
            cursor: 'pointer',
            padding: '0 1px',
            borderRadius: 2,
            background: deduction ? (selected ? '#ffa39e' : '#fff1f0') : selected ? '#b7eb8f' : '#f6ffed',
            borderBottom: `2px solid ${deduction ? '#cf1322' : '#389e0d'}`,
            outline: selected ? '1px solid #262626' : undefined,
          }}
        >
          {piece}
        </mark>
      </Tooltip>
    );
  });
}

/**
 * A transcript as chat bubbles (agent right, customer left) with every hit highlighted at its
 * turn and character span. Clicking a mark selects the hit; selecting a hit scrolls to its turn.
 */
export function QaTranscript({
  turns,
  hits,
  selectedKey,
  onSelect,
}: {
  turns: QaTurn[];
  hits: QaMarkedHit[];
  selectedKey: string | null;
  onSelect: (key: string) => void;
}) {
  const { t } = useTranslation();
  const spansByTurn = new Map<number, MarkSpan<QaMarkedHit>[]>();
  const turnHits = new Map<number, QaMarkedHit[]>();
  for (const hit of hits) {
    for (const evidence of hit.evidence) {
      if (evidence.turnSeq === null) continue;
      if (evidence.charStart !== null && evidence.charEnd !== null && evidence.charEnd > evidence.charStart) {
        const list = spansByTurn.get(evidence.turnSeq) ?? [];
        list.push({ start: evidence.charStart, end: evidence.charEnd, hit });
        spansByTurn.set(evidence.turnSeq, list);
      } else {
        const list = turnHits.get(evidence.turnSeq) ?? [];
        if (!list.includes(hit)) list.push(hit);
        turnHits.set(evidence.turnSeq, list);
      }
    }
  }

  const selectedTurn = hits.find((hit) => hit.key === selectedKey)?.evidence.find((e) => e.turnSeq !== null)?.turnSeq;
  useEffect(() => {
    if (selectedTurn === undefined || selectedTurn === null) return;
    document.getElementById(turnElementId(selectedTurn))?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [selectedTurn]);

  return (
    <Space direction="vertical" size={8} style={{ width: '100%' }} data-testid="qa-transcript">
      {turns.map((turn) => {
        const speaker = turn.speaker;
        const bubbleHits = turnHits.get(turn.seq) ?? [];
        const hasSelected = selectedTurn === turn.seq;
        return (
          <div
            key={turn.seq}
            id={turnElementId(turn.seq)}
            style={{
              display: 'flex',
              justifyContent: speaker === 'agent' ? 'flex-end' : speaker === 'system' ? 'center' : 'flex-start',
            }}
            data-testid="qa-turn"
            data-seq={turn.seq}
            data-speaker={speaker}
          >
            <div
              className={`gc-bubble gc-bubble-${speaker}`}
              style={hasSelected ? { boxShadow: '0 0 0 2px #faad14' } : undefined}
            >
              <Typography.Text type="secondary" style={{ fontSize: 11, display: 'block' }}>
                #{turn.seq} · {t(`case.speakers.${speaker}`)} · {clock(turn.startMs)}–{clock(turn.endMs)}
              </Typography.Text>
              {markText(turn.text, spansByTurn.get(turn.seq) ?? [], selectedKey, onSelect)}
              {bubbleHits.length > 0 && (
                <div style={{ marginTop: 4 }}>
                  {bubbleHits.map((hit) => (
                    <Tag
                      key={hit.key}
                      color={hit.points < 0 ? 'red' : 'green'}
                      style={{ cursor: 'pointer' }}
                      onClick={() => onSelect(hit.key)}
                      data-testid="qa-turn-hit"
                    >
                      {hit.ruleName}
                    </Tag>
                  ))}
                </div>
              )}
            </div>
          </div>
        );
      })}
    </Space>
  );
}
