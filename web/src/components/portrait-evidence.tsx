import { Collapse, Empty, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { EvidenceRow, FeatureEvidence } from '../api-client/portrait-endpoints.js';
import { useVocabulary } from '../session/vocabulary-context.js';
import { formatFeatureValue, usePickName } from './portrait-format.js';

/** Row details are stored attributes (JSON) or short text; JSON reads better as key: value pairs. */
function readableDetail(detail: string | null): string {
  if (!detail) return '';
  if (!detail.startsWith('{')) return detail;
  try {
    const parsed: unknown = JSON.parse(detail);
    if (typeof parsed !== 'object' || parsed === null) return detail;
    return Object.entries(parsed)
      .map(([key, value]) => `${key}: ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`)
      .join(' · ');
  } catch {
    return detail;
  }
}

function EvidenceTable({ rows }: { rows: EvidenceRow[] }) {
  const { t } = useTranslation();
  const { label } = useVocabulary();
  // A row's kind is a trace type for traces, a work-order type for work orders, or one of the
  // few other rows a source names itself (bill, payment, QA result, collection).
  const ownKinds = t('portrait.why.rowKinds', { returnObjects: true }) as Record<string, string>;
  const kindLabel = (kind: string) => {
    if (ownKinds[kind]) return ownKinds[kind];
    const traceType = label('traceTypes', kind);
    return traceType !== kind ? traceType : label('workOrderTypes', kind);
  };
  const columns: TableColumnsType<EvidenceRow> = [
    {
      title: t('portrait.why.rowTime'),
      dataIndex: 'at',
      width: 136,
      render: (at: string | null) => (at ? dayjs(at).format('YY-MM-DD HH:mm') : '—'),
    },
    { title: t('portrait.why.rowKind'), dataIndex: 'kind', width: 100, render: kindLabel },
    {
      title: t('portrait.why.rowChannel'),
      dataIndex: 'channel',
      width: 84,
      render: (channel: string | null) => (channel ? label('channels', channel) : '—'),
    },
    {
      title: t('portrait.why.rowTopic'),
      dataIndex: 'topic',
      width: 84,
      render: (topic: string | null) => (topic ? label('topics', topic) : '—'),
    },
    {
      title: t('portrait.why.rowDetail'),
      dataIndex: 'detail',
      render: (detail: string | null) => (
        <Typography.Text style={{ fontSize: 12 }} ellipsis={{ tooltip: readableDetail(detail) }}>
          {readableDetail(detail) || '—'}
        </Typography.Text>
      ),
    },
    {
      title: t('portrait.why.rowCase'),
      dataIndex: 'caseId',
      width: 128,
      render: (caseId: string | null) =>
        caseId ? (
          <Link to={`/cases/${encodeURIComponent(caseId)}`} data-testid="why-row-case">
            {caseId}
          </Link>
        ) : (
          '—'
        ),
    },
  ];
  return (
    <Table<EvidenceRow>
      size="small"
      rowKey={(row) => `${row.source}:${row.id}`}
      columns={columns}
      dataSource={rows}
      pagination={false}
      tableLayout="fixed"
      onRow={() => ({ 'data-testid': 'why-row' }) as React.HTMLAttributes<HTMLElement>}
    />
  );
}

/**
 * The features a verdict read, with their values, and under each the rows that made it
 * (newest first, as many as the API sent). Features computed from other features or from a
 * one-row source have no rows to show.
 */
export function FeatureEvidenceList({ features }: { features: FeatureEvidence[] }) {
  const { t } = useTranslation();
  const pick = usePickName();
  if (features.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  const firstWithRows = features.find((f) => f.items.length > 0)?.code;
  return (
    <Collapse
      size="small"
      defaultActiveKey={firstWithRows ? [firstWithRows] : []}
      data-testid="why-features"
      items={features.map((feature) => ({
        key: feature.code,
        label: (
          <Space size={8} wrap>
            <Typography.Text strong>{pick(feature.name)}</Typography.Text>
            <Tag color="geekblue" data-testid="why-feature-value">
              {formatFeatureValue(feature.value, feature.aggregate)}
            </Tag>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {feature.windowDays ? t('portrait.why.window', { days: feature.windowDays }) : t('portrait.why.noWindow')}{' '}
              · {t('portrait.why.rowCount', { count: feature.items.length })}
            </Typography.Text>
          </Space>
        ),
        children:
          feature.items.length > 0 ? (
            <EvidenceTable rows={feature.items} />
          ) : (
            <Typography.Text type="secondary">
              {t(
                feature.aggregate === 'ratio' || feature.aggregate === 'value'
                  ? 'portrait.why.noRowsDerived'
                  : 'portrait.why.noRows',
              )}
            </Typography.Text>
          ),
      }))}
    />
  );
}
