import { EditOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Segmented, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api-client/endpoints.js';
import type { CollectionPoint } from '../api-client/types.js';
import {
  CollectionDetailCell,
  CollectionEnabledTag,
  CollectionIntervalCell,
  CollectionPurposeCell,
} from '../components/collection-point-cells.js';
import { CollectionPointForm } from '../components/collection-point-form.js';
import { useApiData } from '../hooks/use-api-data.js';
import { useCan } from '../session/session-context.js';
import { useVocabulary } from '../session/vocabulary-context.js';

interface Row {
  traceType: string;
  label: string;
  direction: string;
  /** null: no collection point, so the type is collected in full, every time. */
  point: CollectionPoint | null;
}

const DIRECTIONS = ['inbound', 'outbound', 'internal'] as const;
const DIRECTION_COLORS: Record<string, string> = { inbound: 'geekblue', outbound: 'purple', internal: 'default' };

/** Collection points (采集点, T6): every trace type with what ingest keeps of it. */
export default function CollectionPointsPage() {
  const { t } = useTranslation();
  const { vocabulary, label } = useVocabulary();
  const canManage = useCan('collection:manage');
  const [version, setVersion] = useState(0);
  const [direction, setDirection] = useState<string>('all');
  const [editing, setEditing] = useState<Row | null>(null);
  const { data, loading } = useApiData(String(version), () => api.collectionPoints());

  const rows = useMemo<Row[]>(() => {
    const points = new Map((data?.items ?? []).map((p) => [p.traceType, p]));
    return (vocabulary?.traceTypes ?? []).map((entry) => ({
      traceType: entry.code,
      label: label('traceTypes', entry.code),
      direction: entry.direction ?? 'internal',
      point: points.get(entry.code) ?? null,
    }));
  }, [data, vocabulary, label]);
  const shown = direction === 'all' ? rows : rows.filter((r) => r.direction === direction);

  // A type without a point gets one "collected in full" cell across the four settings columns.
  const spanWhenNone = (first: boolean) => (row: Row) => ({ colSpan: row.point ? 1 : first ? 4 : 0 });
  const columns: TableColumnsType<Row> = [
    {
      title: t('collection.traceType'),
      key: 'traceType',
      width: 200,
      render: (_, row) => (
        <>
          <div>{row.label}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.traceType}
          </Typography.Text>
        </>
      ),
    },
    {
      title: t('collection.direction'),
      dataIndex: 'direction',
      width: 120,
      render: (value: string) => (
        <Tag color={DIRECTION_COLORS[value] ?? 'default'}>
          {t(`collection.directions.${value}`, { defaultValue: value })}
        </Tag>
      ),
    },
    {
      title: t('collection.enabled'),
      key: 'enabled',
      width: 110,
      onCell: spanWhenNone(true),
      render: (_, row) => <CollectionEnabledTag point={row.point} />,
    },
    {
      title: t('collection.detail'),
      key: 'detail',
      width: 240,
      onCell: spanWhenNone(false),
      render: (_, row) => row.point && <CollectionDetailCell point={row.point} />,
    },
    {
      title: t('collection.interval'),
      key: 'interval',
      width: 200,
      onCell: spanWhenNone(false),
      render: (_, row) => row.point && <CollectionIntervalCell minutes={row.point.minIntervalMinutes} />,
    },
    {
      title: t('collection.purpose'),
      key: 'purpose',
      onCell: spanWhenNone(false),
      render: (_, row) => row.point && <CollectionPurposeCell purpose={row.point.purpose} />,
    },
    ...(canManage
      ? [
          {
            title: t('collection.actions'),
            key: 'actions',
            width: 90,
            render: (_: unknown, row: Row) => (
              <Button
                type="link"
                size="small"
                icon={<EditOutlined />}
                onClick={() => setEditing(row)}
                data-testid={`collection-edit-${row.traceType}`}
              >
                {t('collection.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card title={t('collection.title')} variant="borderless">
      <Typography.Paragraph type="secondary">{t('collection.intro')}</Typography.Paragraph>
      {!canManage && (
        <Alert
          type="info"
          showIcon
          title={t('collection.readOnly')}
          style={{ marginBottom: 16 }}
          data-testid="collection-read-only"
        />
      )}
      <Segmented
        value={direction}
        onChange={(value) => setDirection(String(value))}
        options={[
          { value: 'all', label: t('common.all') },
          ...DIRECTIONS.map((d) => ({ value: d, label: t(`collection.directions.${d}`) })),
        ]}
        style={{ marginBottom: 16 }}
        data-testid="collection-direction"
      />
      <div data-testid="collection-table">
        <Table<Row>
          rowKey="traceType"
          size="small"
          tableLayout="fixed"
          loading={loading || !vocabulary}
          columns={columns}
          dataSource={shown}
          pagination={false}
        />
      </div>
      {editing && (
        <CollectionPointForm
          traceType={editing.traceType}
          traceTypeLabel={editing.label}
          point={editing.point}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            setVersion((v) => v + 1);
          }}
        />
      )}
    </Card>
  );
}
