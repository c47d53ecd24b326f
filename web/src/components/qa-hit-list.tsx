import { Empty, List, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { QaHit } from '../../../src/api/contract.js';
import { QaPoints } from './qa-score-tag.js';

/** A hit of a stored result or of "try it" (which has no id and no appeal). */
export type QaHitLike = Omit<QaHit, 'hitId' | 'appeal'>;

/**
 * The hits beside the transcript: rule, category, points, the expression that matched and
 * the why (the figure compared or the text found). Clicking one selects it in the transcript.
 */
export function QaHitList<T extends QaHitLike>({
  hits,
  keyOf,
  selectedKey,
  onSelect,
  extra,
}: {
  hits: T[];
  keyOf: (hit: T) => string;
  selectedKey: string | null;
  onSelect: (key: string) => void;
  /** Actions and status per hit (appeal button, appeal status). */
  extra?: (hit: T) => ReactNode;
}) {
  const { t } = useTranslation();
  if (hits.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('qa.noHits')} />;
  return (
    <List<T>
      size="small"
      dataSource={hits}
      data-testid="qa-hit-list"
      renderItem={(hit) => {
        const key = keyOf(hit);
        const selected = key === selectedKey;
        return (
          <List.Item
            key={key}
            onClick={() => onSelect(key)}
            data-testid="qa-hit"
            data-rule={hit.ruleCode}
            style={{
              cursor: 'pointer',
              display: 'block',
              background: selected ? '#fffbe6' : undefined,
              borderInlineStart: `3px solid ${hit.points < 0 ? '#cf1322' : '#389e0d'}`,
              paddingInlineStart: 10,
            }}
          >
            <Space size={6} wrap style={{ width: '100%', justifyContent: 'space-between' }}>
              <Space size={6} wrap>
                <Typography.Text strong>{hit.ruleName}</Typography.Text>
                <Tag>{hit.categoryName}</Tag>
                {hit.veto && <Tag color="red">{t('qa.veto')}</Tag>}
              </Space>
              <QaPoints points={hit.points} />
            </Space>
            <div style={{ fontSize: 12, marginTop: 4 }}>
              <Typography.Text type="secondary">{hit.ruleCode}</Typography.Text>
              {hit.turnSeq !== null && (
                <Typography.Text type="secondary"> · {t('qa.atTurn', { seq: hit.turnSeq })}</Typography.Text>
              )}
            </div>
            <div style={{ fontSize: 12, marginTop: 4 }}>
              {t('qa.expression')}: <Typography.Text code>{hit.expression}</Typography.Text>
            </div>
            {hit.matched && (
              <div style={{ fontSize: 12 }}>
                {t('qa.matched')}: <Typography.Text mark>{hit.matched}</Typography.Text>
              </div>
            )}
            {hit.actual && (
              <div style={{ fontSize: 12 }} data-testid="qa-hit-why">
                {t('qa.why')}: {hit.actual}
              </div>
            )}
            {hit.evidence.length > 1 && (
              <div style={{ fontSize: 12 }}>
                <Typography.Text type="secondary">
                  {t('qa.moreEvidence', { count: hit.evidence.length - 1 })}
                </Typography.Text>
              </div>
            )}
            {extra && <div style={{ marginTop: 6 }}>{extra(hit)}</div>}
          </List.Item>
        );
      }}
    />
  );
}
