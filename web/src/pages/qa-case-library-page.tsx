import { Button, Card, Input, Popconfirm, Segmented, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import type { QaCaseLibraryEntry } from '../../../src/api/contract.js';
import { type QaCaseLibraryQuery, qaApi } from '../api-client/qa-endpoints.js';
import { QaCaseLibraryDialog } from '../components/qa-case-library-dialog.js';
import { QaScoreTag } from '../components/qa-score-tag.js';
import { serverPagination } from '../components/server-pagination.js';
import { useApiData } from '../hooks/use-api-data.js';
import { useCan } from '../session/session-context.js';
import { useErrorMessage } from '../session/use-error-message.js';

const PAGE_SIZE = 20;
const KINDS = ['all', 'typical', 'excellent'] as const;
type KindFilter = (typeof KINDS)[number];

/** 案例库: typical and excellent calls with tags and teaching notes, searchable, linking to the transcript. */
export default function QaCaseLibraryPage() {
  const { t } = useTranslation();
  const canEdit = useCan('qa:inspect');
  const showError = useErrorMessage();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const tag = params.get('tag') ?? '';
  const kind = (KINDS as readonly string[]).includes(params.get('kind') ?? '')
    ? (params.get('kind') as KindFilter)
    : 'all';
  const page = Number(params.get('page') ?? '1') || 1;
  const [version, setVersion] = useState(0);
  const [editing, setEditing] = useState<QaCaseLibraryEntry | null>(null);

  const query: QaCaseLibraryQuery = {
    ...(q ? { q } : {}),
    ...(tag ? { tag } : {}),
    ...(kind === 'all' ? {} : { kind }),
    page,
    pageSize: PAGE_SIZE,
  };
  const { data, loading } = useApiData(`${JSON.stringify(query)}|${version}`, () => qaApi.caseLibrary(query));
  const update = (next: Record<string, string>) => {
    const merged: Record<string, string> = { q, tag, kind, ...next };
    setParams(
      Object.fromEntries(
        Object.entries(merged).filter(([key, value]) => value && !(key === 'kind' && value === 'all')),
      ),
    );
  };

  const remove = async (entry: QaCaseLibraryEntry) => {
    try {
      await qaApi.removeCaseLibraryEntry(entry.entryId);
      setVersion((v) => v + 1);
    } catch (error) {
      showError(error);
    }
  };

  const columns: TableColumnsType<QaCaseLibraryEntry> = [
    {
      title: t('qa.library.titleField'),
      key: 'title',
      render: (_, row) => (
        <>
          <Link to={`/qa/calls/${encodeURIComponent(row.callId)}`} data-testid="qa-library-call-link">
            {row.title}
          </Link>
          <div style={{ marginTop: 4 }}>
            <Tag color={row.kind === 'excellent' ? 'green' : 'orange'}>{t(`qa.library.kinds.${row.kind}`)}</Tag>
            {row.tags.map((value) => (
              <Tag key={value} style={{ cursor: 'pointer' }} onClick={() => update({ tag: value, page: '' })}>
                {value}
              </Tag>
            ))}
          </div>
        </>
      ),
    },
    {
      title: t('qa.library.teachingNote'),
      dataIndex: 'teachingNote',
      render: (note: string) => (
        <Typography.Paragraph
          ellipsis={{ rows: 3, expandable: true }}
          style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}
        >
          {note}
        </Typography.Paragraph>
      ),
    },
    {
      title: t('qa.columns.agent'),
      key: 'agent',
      width: 110,
      render: (_, row) => row.agent?.name ?? t('common.none'),
    },
    {
      title: t('qa.columns.score'),
      dataIndex: 'finalScore',
      width: 80,
      render: (score: number | null) => (score === null ? t('common.none') : <QaScoreTag score={score} />),
    },
    {
      title: t('qa.columns.startedAt'),
      dataIndex: 'startedAt',
      width: 110,
      render: (at: string) => dayjs(at).format('YYYY-MM-DD'),
    },
    ...(canEdit
      ? [
          {
            title: t('collection.actions'),
            key: 'actions',
            width: 130,
            render: (_: unknown, row: QaCaseLibraryEntry) => (
              <Space size={4}>
                <Button size="small" type="link" onClick={() => setEditing(row)}>
                  {t('collection.edit')}
                </Button>
                <Popconfirm title={t('qa.library.removeConfirm')} onConfirm={() => remove(row)}>
                  <Button size="small" type="link" danger>
                    {t('qa.library.remove')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card title={t('qa.menu.caseLibrary')} variant="borderless">
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          defaultValue={q}
          allowClear
          placeholder={t('qa.library.searchPlaceholder')}
          enterButton={t('common.search')}
          style={{ width: 360 }}
          onSearch={(value) => update({ q: value.trim(), page: '' })}
          data-testid="qa-library-search"
        />
        <Segmented<KindFilter>
          value={kind}
          onChange={(next) => update({ kind: next, page: '' })}
          options={KINDS.map((value) => ({
            value,
            label: value === 'all' ? t('common.all') : t(`qa.library.kinds.${value}`),
          }))}
        />
        {tag && (
          <Tag closable onClose={() => update({ tag: '', page: '' })} color="blue">
            {t('qa.library.tagFilter', { tag })}
          </Tag>
        )}
      </Space>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('qa.library.hint')}
      </Typography.Paragraph>
      <div data-testid="qa-library-table">
        <Table<QaCaseLibraryEntry>
          rowKey="entryId"
          size="small"
          loading={loading}
          columns={columns}
          dataSource={data?.items ?? []}
          pagination={serverPagination(t, page, PAGE_SIZE, data?.total ?? 0, (next) => update({ page: String(next) }))}
        />
      </div>
      <QaCaseLibraryDialog
        open={editing !== null}
        entry={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          setVersion((v) => v + 1);
        }}
      />
    </Card>
  );
}
