import { Progress, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { QaJobStatus, QaReinspectionJob } from '../../../src/api/contract.js';

const COLOR: Record<QaJobStatus, string> = {
  queued: 'default',
  running: 'processing',
  done: 'success',
  failed: 'error',
};

/** A job still has calls to inspect: pages showing it look again until it is done. */
export const jobOpen = (job: QaReinspectionJob | null): boolean =>
  job !== null && (job.status === 'queued' || job.status === 'running');

/** A background inspection's status and its progress as done / total calls. */
export function QaJobProgress({ job }: { job: QaReinspectionJob }) {
  const { t } = useTranslation();
  // total is counted when the job starts; until then (queued) there is nothing to divide by.
  const percent = job.total === 0 ? (job.status === 'done' ? 100 : 0) : Math.floor((job.done / job.total) * 100);
  return (
    <div data-testid="qa-job" data-status={job.status} data-done={job.done} data-total={job.total}>
      <Tag color={COLOR[job.status]}>{t(`qa.jobs.statuses.${job.status}`)}</Tag>
      <Progress
        percent={percent}
        size="small"
        status={job.status === 'failed' ? 'exception' : job.status === 'running' ? 'active' : 'normal'}
        format={() => `${job.done} / ${job.total}`}
        style={{ width: 180, margin: 0 }}
      />
      {job.error && (
        <Tooltip title={job.error}>
          <Typography.Text type="danger" ellipsis style={{ display: 'block', maxWidth: 220, fontSize: 12 }}>
            {job.error}
          </Typography.Text>
        </Tooltip>
      )}
    </div>
  );
}
