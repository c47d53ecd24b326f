import { RedoOutlined } from '@ant-design/icons';
import { App, Button, Card, Table, type TableColumnsType, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QaReinspectionJob } from '../../../src/api/contract.js';
import { qaApi } from '../api-client/qa-endpoints.js';
import { jobOpen, QaJobProgress } from '../components/qa-job-progress.js';
import { QaReinspectionForm } from '../components/qa-reinspection-form.js';
import { useApiData } from '../hooks/use-api-data.js';
import { useRefreshWhile } from '../hooks/use-refresh-while.js';
import { useCan } from '../session/session-context.js';

const when = (at: string | null) => (at ? dayjs(at).format('YYYY-MM-DD HH:mm') : '');

/**
 * 重新质检: re-inspection jobs after a scheme change, newest first, with their progress
 * (done / total) watched until every job is done; `qa:scheme` starts one.
 */
export default function QaReinspectionsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const canStart = useCan('qa:scheme');
  const [version, setVersion] = useState(0);
  const [starting, setStarting] = useState(false);
  const [anyOpen, setAnyOpen] = useState(false);
  const tick = useRefreshWhile(anyOpen);
  const schemes = useApiData('schemes', () => qaApi.schemes());
  const jobs = useApiData(`${version}|${tick}`, () => qaApi.reinspections());
  useEffect(() => setAnyOpen(jobs.data?.items.some(jobOpen) ?? false), [jobs.data]);

  const columns: TableColumnsType<QaReinspectionJob> = [
    { title: t('qa.reinspections.job'), dataIndex: 'jobId', width: 80, render: (id: number) => `#${id}` },
    {
      title: t('qa.jobs.schemeVersion'),
      key: 'scheme',
      width: 170,
      render: (_, row) => `${row.scheme.code} v${row.scheme.version}`,
    },
    { title: t('qa.filters.period'), key: 'period', width: 200, render: (_, row) => `${row.from} ~ ${row.to}` },
    { title: t('qa.jobs.progress'), key: 'progress', render: (_, row) => <QaJobProgress job={row} /> },
    {
      title: t('qa.jobs.requestedBy'),
      key: 'requested',
      width: 180,
      render: (_, row) => (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {row.requestedBy?.displayName ?? t('qa.schemes.system')} {when(row.createdAt)}
        </Typography.Text>
      ),
    },
    { title: t('qa.jobs.finishedAt'), dataIndex: 'finishedAt', width: 150, render: when },
  ];

  return (
    <Card
      title={t('qa.menu.reinspections')}
      variant="borderless"
      extra={
        canStart && (
          <Button
            type="primary"
            icon={<RedoOutlined />}
            onClick={() => setStarting(true)}
            data-testid="qa-reinspection-start"
          >
            {t('qa.reinspections.start')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('qa.reinspections.intro')}</Typography.Paragraph>
      <Table<QaReinspectionJob>
        rowKey="jobId"
        size="small"
        loading={jobs.loading && !jobs.data}
        columns={columns}
        dataSource={jobs.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('qa.reinspections.none') }}
        data-testid="qa-reinspections-table"
      />
      <QaReinspectionForm
        open={starting}
        schemes={schemes.data?.items ?? []}
        onClose={() => setStarting(false)}
        onStarted={(job) => {
          setStarting(false);
          message.success(t('qa.reinspections.started', { id: job.jobId }));
          setVersion((v) => v + 1);
        }}
      />
    </Card>
  );
}
