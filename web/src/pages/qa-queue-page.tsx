import { Card, Table, type TableColumnsType, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import type { QaResultSummary, QaResultsQuery } from '../../../src/api/contract.js';
import { qaApi } from '../api-client/qa-endpoints.js';
import { type QaQueueFilters, QaResultFilters } from '../components/qa-result-filters.js';
import { QaDeductionTags, QaFlagTags, QaScoreTag } from '../components/qa-score-tag.js';
import { serverPagination } from '../components/server-pagination.js';
import { useApiData } from '../hooks/use-api-data.js';
import { useQaRuleCatalog } from '../hooks/use-qa-rules.js';
import { useVocabulary } from '../session/vocabulary-context.js';

const PAGE_SIZE = 20;

function filtersOf(params: URLSearchParams): QaQueueFilters {
  const number = (key: string) => {
    const raw = params.get(key);
    return raw === null || raw === '' || Number.isNaN(Number(raw)) ? undefined : Number(raw);
  };
  const filters: QaQueueFilters = { flaggedOnly: params.get('all') !== '1' };
  for (const key of ['from', 'to', 'rule', 'agent', 'orgUnit'] as const) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  const minScore = number('minScore');
  const maxScore = number('maxScore');
  if (minScore !== undefined) filters.minScore = minScore;
  if (maxScore !== undefined) filters.maxScore = maxScore;
  return filters;
}

function paramsOf(filters: QaQueueFilters, page = 1): Record<string, string> {
  const params: Record<string, string> = {};
  for (const key of ['from', 'to', 'rule', 'agent', 'orgUnit', 'minScore', 'maxScore'] as const) {
    const value = filters[key];
    if (value !== undefined && value !== '') params[key] = String(value);
  }
  if (!filters.flaggedOnly) params.all = '1';
  if (page > 1) params.page = String(page);
  return params;
}

/**
 * 质检工作台: the results of the automatic inspection, flagged calls first by default
 * (low score, a veto rule, an angry customer). Filters live in the URL so Back from a call
 * returns to the same list.
 */
export default function QaQueuePage() {
  const { t } = useTranslation();
  const { label } = useVocabulary();
  const { rules, nameOf } = useQaRuleCatalog();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersOf(params), [params]);
  const page = Number(params.get('page') ?? '1') || 1;

  const query: QaResultsQuery = {
    ...(filters.from ? { from: filters.from } : {}),
    ...(filters.to ? { to: filters.to } : {}),
    ...(filters.minScore !== undefined ? { minScore: filters.minScore } : {}),
    ...(filters.maxScore !== undefined ? { maxScore: filters.maxScore } : {}),
    ...(filters.rule ? { rule: filters.rule } : {}),
    ...(filters.agent ? { agent: filters.agent } : {}),
    ...(filters.orgUnit ? { orgUnit: filters.orgUnit } : {}),
    ...(filters.flaggedOnly ? { flagged: true } : {}),
    page,
    pageSize: PAGE_SIZE,
  };
  const { data, loading } = useApiData(JSON.stringify(query), () => qaApi.results(query));

  const columns: TableColumnsType<QaResultSummary> = [
    {
      title: t('qa.columns.startedAt'),
      dataIndex: 'startedAt',
      width: 150,
      render: (at: string, row) => (
        <Link to={`/qa/calls/${encodeURIComponent(row.callId)}`} data-testid="qa-call-link">
          {dayjs(at).format('YYYY-MM-DD HH:mm')}
        </Link>
      ),
    },
    {
      title: t('qa.columns.channel'),
      dataIndex: 'channel',
      width: 110,
      render: (channel: string, row) => (
        <>
          <div>{label('channels', channel)}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('qa.durationShort', { minutes: Math.floor(row.durationS / 60), seconds: row.durationS % 60 })}
          </Typography.Text>
        </>
      ),
    },
    {
      title: t('qa.columns.agent'),
      key: 'agent',
      width: 130,
      render: (_, row) =>
        row.agent ? (
          <Link to={`/qa/agents/${encodeURIComponent(row.agent.employeeNo)}`}>
            {row.agent.name}
            <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 4 }}>
              {row.agent.employeeNo}
            </Typography.Text>
          </Link>
        ) : (
          t('common.none')
        ),
    },
    { title: t('qa.columns.team'), dataIndex: ['orgUnit', 'name'], width: 150, ellipsis: true },
    {
      title: t('qa.columns.score'),
      key: 'score',
      width: 100,
      sorter: false,
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
      width: 190,
      render: (_, row) => (
        <>
          <QaFlagTags reasons={row.flagReasons} angryCustomer={row.angryCustomer} />
          {row.pendingAppeals > 0 && <Tag color="purple">{t('qa.pendingAppeals', { count: row.pendingAppeals })}</Tag>}
          {row.reviewed && <Tag color="cyan">{t('qa.reviewed')}</Tag>}
          {row.topicId !== null && <Tag>{t('qa.topicResult')}</Tag>}
        </>
      ),
    },
  ];

  return (
    <Card title={t('qa.menu.workbench')} variant="borderless">
      <QaResultFilters value={filters} rules={rules} onChange={(next) => setParams(paramsOf(next))} />
      <div data-testid="qa-queue-table">
        <Table<QaResultSummary>
          rowKey="resultId"
          size="small"
          loading={loading}
          columns={columns}
          dataSource={data?.items ?? []}
          pagination={serverPagination(t, page, PAGE_SIZE, data?.total ?? 0, (next) =>
            setParams(paramsOf(filters, next)),
          )}
        />
      </div>
    </Card>
  );
}
