import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Segmented, Space, Table, type TableColumnsType, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import type { QaSample, QaSampleReason, QaSamplingPlan } from '../../../src/api/contract.js';
import { qaApi } from '../api-client/qa-endpoints.js';
import { createdByColumn } from '../components/created-by-column.js';
import { QaSamplingPlanForm } from '../components/qa-sampling-plan-form.js';
import { QaFlagTags, QaScoreTag } from '../components/qa-score-tag.js';
import { serverPagination } from '../components/server-pagination.js';
import { useApiData } from '../hooks/use-api-data.js';
import { useCan } from '../session/session-context.js';

const PAGE_SIZE = 20;
const REVIEWED = ['all', 'open', 'done'] as const;
type ReviewedFilter = (typeof REVIEWED)[number];

/** 抽检: sampling plans and, for the plan picked, its sample queue (random and risk-based picks). */
export default function QaSamplingPage() {
  const { t } = useTranslation();
  const canCreate = useCan('qa:inspect');
  const [params, setParams] = useSearchParams();
  const planId = Number(params.get('plan')) || null;
  const reviewed = (REVIEWED as readonly string[]).includes(params.get('reviewed') ?? '')
    ? (params.get('reviewed') as ReviewedFilter)
    : 'open';
  const page = Number(params.get('page') ?? '1') || 1;
  const [version, setVersion] = useState(0);
  const [creating, setCreating] = useState(false);
  const plans = useApiData(String(version), () => qaApi.samplingPlans());
  const sampleQuery = {
    ...(reviewed === 'all' ? {} : { reviewed: reviewed === 'done' }),
    page,
    pageSize: PAGE_SIZE,
  };
  const samples = useApiData(`${planId}|${JSON.stringify(sampleQuery)}|${version}`, () =>
    planId === null ? Promise.resolve(null) : qaApi.samples(planId, sampleQuery),
  );
  const plan = plans.data?.items.find((p) => p.planId === planId) ?? null;

  const reasonTags = (byReason: Partial<Record<QaSampleReason, number>>) => (
    <span style={{ display: 'inline-flex', flexWrap: 'wrap', gap: 4 }}>
      {Object.entries(byReason).map(([reason, count]) => (
        <Tag key={reason}>
          {t(`qa.sampleReasons.${reason}`)} {count}
        </Tag>
      ))}
    </span>
  );

  const planColumns: TableColumnsType<QaSamplingPlan> = [
    {
      title: t('qa.sampling.name'),
      dataIndex: 'name',
      render: (name: string, row) => (
        <Link to={`/qa/sampling?plan=${row.planId}`} data-testid="qa-plan-link">
          {name}
        </Link>
      ),
    },
    {
      title: t('qa.filters.team'),
      key: 'org',
      width: 160,
      render: (_, row) => row.orgUnit?.name ?? t('header.allScope'),
    },
    { title: t('qa.filters.period'), key: 'period', width: 200, render: (_, row) => `${row.from} ~ ${row.to}` },
    {
      title: t('qa.sampling.randomShare'),
      dataIndex: 'randomShare',
      width: 90,
      render: (share: number) => `${(share * 100).toFixed(1)}%`,
    },
    {
      title: t('qa.sampling.samples'),
      key: 'samples',
      width: 110,
      render: (_, row) => t('qa.sampling.reviewedOf', { reviewed: row.reviewed, samples: row.samples }),
    },
    { title: t('qa.sampling.byReason'), dataIndex: 'byReason', render: reasonTags },
    createdByColumn(t),
  ];

  const sampleColumns: TableColumnsType<QaSample> = [
    {
      title: t('qa.columns.startedAt'),
      key: 'at',
      width: 150,
      render: (_, row) => (
        <Link to={`/qa/calls/${encodeURIComponent(row.callId)}`}>
          {row.result ? dayjs(row.result.startedAt).format('YYYY-MM-DD HH:mm') : row.callId}
        </Link>
      ),
    },
    { title: t('qa.columns.agent'), key: 'agent', width: 120, render: (_, row) => row.result?.agent?.name ?? '' },
    {
      title: t('qa.columns.team'),
      key: 'team',
      width: 150,
      ellipsis: true,
      render: (_, row) => row.result?.orgUnit?.name ?? '',
    },
    {
      title: t('qa.sampling.reasons'),
      dataIndex: 'reasons',
      render: (reasons: QaSampleReason[]) => reasons.map((r) => <Tag key={r}>{t(`qa.sampleReasons.${r}`)}</Tag>),
    },
    {
      title: t('qa.columns.score'),
      key: 'score',
      width: 100,
      render: (_, row) =>
        row.result ? <QaScoreTag score={row.result.finalScore} machineScore={row.result.machineScore} /> : '',
    },
    {
      title: t('qa.columns.flags'),
      key: 'flags',
      width: 160,
      render: (_, row) =>
        row.result ? <QaFlagTags reasons={row.result.flagReasons} angryCustomer={row.result.angryCustomer} /> : null,
    },
    {
      title: t('qa.reviewed'),
      dataIndex: 'reviewed',
      width: 80,
      render: (done: boolean) =>
        done ? <Tag color="cyan">{t('qa.reviewed')}</Tag> : <Tag>{t('qa.sampling.open')}</Tag>,
    },
  ];

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={t('qa.menu.sampling')}
        variant="borderless"
        extra={
          canCreate && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="qa-sampling-create"
            >
              {t('qa.sampling.create')}
            </Button>
          )
        }
      >
        <Table<QaSamplingPlan>
          rowKey="planId"
          size="small"
          loading={plans.loading}
          columns={planColumns}
          dataSource={plans.data?.items ?? []}
          pagination={false}
          rowClassName={(row) => (row.planId === planId ? 'ant-table-row-selected' : '')}
          data-testid="qa-plans-table"
        />
      </Card>
      {plan && (
        <Card
          title={t('qa.sampling.queueOf', { name: plan.name })}
          variant="borderless"
          extra={
            <Segmented<ReviewedFilter>
              value={reviewed}
              onChange={(next) => setParams({ plan: String(plan.planId), reviewed: next })}
              options={REVIEWED.map((value) => ({ value, label: t(`qa.sampling.reviewedFilter.${value}`) }))}
            />
          }
        >
          <Table<QaSample>
            rowKey="sampleId"
            size="small"
            loading={samples.loading}
            columns={sampleColumns}
            dataSource={samples.data?.items ?? []}
            data-testid="qa-samples-table"
            pagination={serverPagination(t, page, PAGE_SIZE, samples.data?.total ?? 0, (next) =>
              setParams({ plan: String(plan.planId), reviewed, page: String(next) }),
            )}
          />
        </Card>
      )}
      <QaSamplingPlanForm
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(created) => {
          setCreating(false);
          setVersion((v) => v + 1);
          setParams({ plan: String(created.planId) });
        }}
      />
    </Space>
  );
}
