import { Button, Card, Segmented, Table, type TableColumnsType, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import type { QaAppeal, QaAppealStatus } from '../../../src/api/contract.js';
import { qaApi } from '../api-client/qa-endpoints.js';
import { QaAppealDecisionDialog } from '../components/qa-appeal-decision-dialog.js';
import { QaAppealStatusTag, QaAppealTimeline } from '../components/qa-appeal-history.js';
import { QaPoints } from '../components/qa-score-tag.js';
import { serverPagination } from '../components/server-pagination.js';
import { useApiData } from '../hooks/use-api-data.js';
import { useCan } from '../session/session-context.js';

const PAGE_SIZE = 20;
const STATUSES = ['pending', 'upheld', 'reversed', 'all'] as const;
type StatusFilter = (typeof STATUSES)[number];

/**
 * 复核: appeals against deductions. Pending ones first; an inspector (not the one who reviewed
 * the call — the server checks) upholds or reverses with a note. Agents see their own appeals.
 */
export default function QaAppealsPage() {
  const { t } = useTranslation();
  const canDecide = useCan('qa:inspect');
  const [params, setParams] = useSearchParams();
  const status = (STATUSES as readonly string[]).includes(params.get('status') ?? '')
    ? (params.get('status') as StatusFilter)
    : 'pending';
  const page = Number(params.get('page') ?? '1') || 1;
  const [version, setVersion] = useState(0);
  const [deciding, setDeciding] = useState<QaAppeal | null>(null);
  const query = { ...(status === 'all' ? {} : { status: status as QaAppealStatus }), page, pageSize: PAGE_SIZE };
  const { data, loading } = useApiData(`${JSON.stringify(query)}|${version}`, () => qaApi.appeals(query));

  const columns: TableColumnsType<QaAppeal> = [
    {
      title: t('qa.recheck.filedAt'),
      dataIndex: 'createdAt',
      width: 140,
      render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm'),
    },
    {
      title: t('qa.recheck.call'),
      dataIndex: 'callId',
      width: 150,
      render: (callId: string) => <Link to={`/qa/calls/${encodeURIComponent(callId)}`}>{callId}</Link>,
    },
    {
      title: t('qa.columns.agent'),
      key: 'agent',
      width: 120,
      render: (_, row) => row.agent?.name ?? row.appellant.displayName,
    },
    {
      title: t('qa.recheck.rule'),
      key: 'rule',
      render: (_, row) => (
        <>
          <div>{row.ruleName}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.ruleCode}
          </Typography.Text>
        </>
      ),
    },
    { title: t('qa.points'), dataIndex: 'points', width: 70, render: (points: number) => <QaPoints points={points} /> },
    { title: t('qa.appeal.reason'), dataIndex: 'reason', ellipsis: true },
    {
      title: t('qa.recheck.status'),
      dataIndex: 'status',
      width: 90,
      render: (value: QaAppealStatus) => <QaAppealStatusTag status={value} />,
    },
    ...(canDecide
      ? [
          {
            title: t('collection.actions'),
            key: 'actions',
            width: 90,
            render: (_: unknown, row: QaAppeal) =>
              row.status === 'pending' ? (
                <Button size="small" type="primary" onClick={() => setDeciding(row)} data-testid="qa-decide-button">
                  {t('qa.recheck.decide')}
                </Button>
              ) : null,
          },
        ]
      : []),
  ];

  return (
    <Card title={t('qa.menu.appeals')} variant="borderless">
      <Segmented<StatusFilter>
        value={status}
        onChange={(next) => setParams({ status: next })}
        options={STATUSES.map((s) => ({
          value: s,
          label: s === 'all' ? t('common.all') : t(`qa.appeal.statuses.${s}`),
        }))}
        style={{ marginBottom: 12 }}
        data-testid="qa-appeal-status-filter"
      />
      <div data-testid="qa-appeals-table">
        <Table<QaAppeal>
          rowKey="appealId"
          size="small"
          loading={loading}
          columns={columns}
          dataSource={data?.items ?? []}
          expandable={{ expandedRowRender: (row) => <QaAppealTimeline appeal={row} /> }}
          pagination={serverPagination(t, page, PAGE_SIZE, data?.total ?? 0, (next) =>
            setParams({ status, page: String(next) }),
          )}
        />
      </div>
      <QaAppealDecisionDialog
        appeal={deciding}
        onClose={() => setDeciding(null)}
        onDecided={() => {
          setDeciding(null);
          setVersion((v) => v + 1);
        }}
      />
    </Card>
  );
}
