import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import type { OrgNode, QaResultSummary, QaTopic } from '../../../src/api/contract.js';
import { api } from '../api-client/endpoints.js';
import { qaApi } from '../api-client/qa-endpoints.js';
import { createdByColumn } from '../components/created-by-column.js';
import { jobOpen, QaJobProgress } from '../components/qa-job-progress.js';
import { QaDeductionTags, QaFlagTags, QaScoreTag } from '../components/qa-score-tag.js';
import { QaTopicFilterTags } from '../components/qa-topic-filter-tags.js';
import { QaTopicForm } from '../components/qa-topic-form.js';
import { serverPagination } from '../components/server-pagination.js';
import { useApiData } from '../hooks/use-api-data.js';
import { useQaRuleCatalog } from '../hooks/use-qa-rules.js';
import { useRefreshWhile } from '../hooks/use-refresh-while.js';
import { useCan } from '../session/session-context.js';

const PAGE_SIZE = 20;

const flatten = (nodes: OrgNode[]): [string, string][] =>
  nodes.flatMap((node) => [[node.id, node.name] as [string, string], ...flatten(node.children)]);

/**
 * 专题质检: special topics (a topic's calls of a period inspected with a published scheme
 * version), their progress while the job runs, and for the topic picked its results.
 */
export default function QaTopicsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const canCreate = useCan('qa:inspect');
  const { nameOf } = useQaRuleCatalog();
  const [params, setParams] = useSearchParams();
  const topicId = Number(params.get('topic')) || null;
  const page = Number(params.get('page') ?? '1') || 1;
  const [version, setVersion] = useState(0);
  const [creating, setCreating] = useState(false);
  const [anyRunning, setAnyRunning] = useState(false);
  const tick = useRefreshWhile(anyRunning);

  const schemes = useApiData('schemes', () => qaApi.schemes());
  const units = useApiData('org-units', () => api.orgUnits());
  const unitNames = useMemo(() => new Map(flatten(units.data?.items ?? [])), [units.data]);
  const topics = useApiData(`${version}|${tick}`, () => qaApi.topics());
  useEffect(() => setAnyRunning(topics.data?.items.some((item) => jobOpen(item.job)) ?? false), [topics.data]);
  const topic = topics.data?.items.find((item) => item.topicId === topicId) ?? null;
  // Reload the results as the job adds them, not on every look at the progress.
  const results = useApiData(`${topicId}|${page}|${topic?.summary.results}|${topic?.job?.status}`, () =>
    topicId === null ? Promise.resolve(null) : qaApi.results({ topic: topicId, page, pageSize: PAGE_SIZE }),
  );

  const topicColumns: TableColumnsType<QaTopic> = [
    {
      title: t('qa.topics.name'),
      dataIndex: 'name',
      render: (name: string, row) => (
        <>
          <Link to={`/qa/topics?topic=${row.topicId}`} data-testid="qa-topic-link">
            {name}
          </Link>
          {row.description && (
            <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ fontSize: 12, margin: 0 }}>
              {row.description}
            </Typography.Paragraph>
          )}
        </>
      ),
    },
    {
      title: t('qa.jobs.schemeVersion'),
      key: 'scheme',
      width: 150,
      render: (_, row) => `${row.scheme.code} v${row.scheme.version}`,
    },
    { title: t('qa.filters.period'), key: 'period', width: 190, render: (_, row) => `${row.from} ~ ${row.to}` },
    {
      title: t('qa.topics.filter'),
      key: 'filter',
      render: (_, row) => <QaTopicFilterTags filter={row.filter} unitName={(id) => unitNames.get(id) ?? id} />,
    },
    {
      title: t('qa.jobs.progress'),
      key: 'job',
      width: 200,
      render: (_, row) => (row.job ? <QaJobProgress job={row.job} /> : null),
    },
    {
      title: t('qa.topics.summary'),
      key: 'summary',
      width: 170,
      render: (_, row) => (
        <Space size={4} wrap data-testid="qa-topic-summary" data-results={row.summary.results}>
          <span>{t('qa.topics.results', { count: row.summary.results })}</span>
          {row.summary.meanScore !== null && <QaScoreTag score={row.summary.meanScore} />}
          {row.summary.flagged > 0 && (
            <Tag color="orange">{t('qa.topics.flagged', { count: row.summary.flagged })}</Tag>
          )}
        </Space>
      ),
    },
    createdByColumn(t),
  ];

  const resultColumns: TableColumnsType<QaResultSummary> = [
    {
      title: t('qa.columns.startedAt'),
      dataIndex: 'startedAt',
      width: 150,
      render: (at: string, row) => (
        <Link to={`/qa/calls/${encodeURIComponent(row.callId)}?resultId=${row.resultId}`} data-testid="qa-call-link">
          {dayjs(at).format('YYYY-MM-DD HH:mm')}
        </Link>
      ),
    },
    { title: t('qa.columns.agent'), key: 'agent', width: 120, render: (_, row) => row.agent?.name ?? t('common.none') },
    { title: t('qa.columns.team'), dataIndex: ['orgUnit', 'name'], width: 150, ellipsis: true },
    {
      title: t('qa.columns.score'),
      key: 'score',
      width: 100,
      render: (_, row) => <QaScoreTag score={row.finalScore} machineScore={row.machineScore} />,
    },
    {
      title: t('qa.columns.deductions'),
      dataIndex: 'deductionRules',
      render: (codes: string[]) => <QaDeductionTags codes={codes} nameOf={nameOf} />,
    },
    {
      title: t('qa.columns.flags'),
      key: 'flags',
      width: 170,
      render: (_, row) => <QaFlagTags reasons={row.flagReasons} angryCustomer={row.angryCustomer} />,
    },
    {
      title: t('qa.topics.topic'),
      key: 'topic',
      width: 160,
      render: (_, row) =>
        row.topicId === topic?.topicId && (
          <Tag color="geekblue" data-testid="qa-topic-tag">
            {topic.name}
          </Tag>
        ),
    },
  ];

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={t('qa.menu.topics')}
        variant="borderless"
        extra={
          canCreate && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="qa-topic-create"
            >
              {t('qa.topics.create')}
            </Button>
          )
        }
      >
        <Typography.Paragraph type="secondary">{t('qa.topics.intro')}</Typography.Paragraph>
        <Table<QaTopic>
          rowKey="topicId"
          size="small"
          loading={topics.loading && !topics.data}
          columns={topicColumns}
          dataSource={topics.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: t('qa.topics.none') }}
          rowClassName={(row) => (row.topicId === topicId ? 'ant-table-row-selected' : '')}
          data-testid="qa-topics-table"
        />
      </Card>
      {topic && (
        <Card title={t('qa.topics.resultsOf', { name: topic.name })} variant="borderless">
          <Table<QaResultSummary>
            rowKey="resultId"
            size="small"
            loading={results.loading && !results.data}
            columns={resultColumns}
            dataSource={results.data?.items ?? []}
            locale={{ emptyText: t('qa.topics.noResults') }}
            data-testid="qa-topic-results"
            pagination={serverPagination(t, page, PAGE_SIZE, results.data?.total ?? 0, (next) =>
              setParams({ topic: String(topic.topicId), page: String(next) }),
            )}
          />
        </Card>
      )}
      <QaTopicForm
        open={creating}
        schemes={schemes.data?.items ?? []}
        onClose={() => setCreating(false)}
        onCreated={(created) => {
          setCreating(false);
          message.success(t('qa.topics.created'));
          setVersion((v) => v + 1);
          setParams({ topic: String(created.topicId) });
        }}
      />
    </Space>
  );
}
