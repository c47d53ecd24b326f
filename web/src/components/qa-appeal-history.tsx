import { Card, Empty, Space, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { QaAppeal, QaAppealStatus } from '../../../src/api/contract.js';
import { QaPoints } from './qa-score-tag.js';

const STATUS_COLOR: Record<QaAppealStatus, string> = { pending: 'gold', upheld: 'default', reversed: 'green' };
const EVENT_COLOR = { filed: 'blue', upheld: 'gray', reversed: 'green' } as const;

export function QaAppealStatusTag({ status }: { status: QaAppealStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOR[status]} data-testid="qa-appeal-status" data-status={status}>
      {t(`qa.appeal.statuses.${status}`)}
    </Tag>
  );
}

/** One appeal's history: filed with the reason, then the second inspector's decision and note. */
export function QaAppealTimeline({ appeal }: { appeal: QaAppeal }) {
  const { t } = useTranslation();
  return (
    <Timeline
      style={{ marginTop: 8, marginBottom: -16 }}
      items={appeal.history.map((event) => ({
        color: EVENT_COLOR[event.kind],
        children: (
          <>
            <Typography.Text strong>{t(`qa.appeal.events.${event.kind}`)}</Typography.Text>{' '}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {event.by.displayName} · {dayjs(event.at).format('YYYY-MM-DD HH:mm')}
            </Typography.Text>
            <div style={{ whiteSpace: 'pre-wrap' }}>{event.note}</div>
            {event.scoreAfter !== null && (
              <Typography.Text type="secondary">
                {t('qa.appeal.scoreAfter', { score: event.scoreAfter })}
              </Typography.Text>
            )}
          </>
        ),
      }))}
    />
  );
}

/** Every appeal of a call with its history (申诉记录). */
export function QaAppealHistory({ appeals }: { appeals: QaAppeal[] }) {
  const { t } = useTranslation();
  if (appeals.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('qa.appeal.none')} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="qa-appeal-history">
      {appeals.map((appeal) => (
        <Card key={appeal.appealId} size="small" data-testid="qa-appeal-card">
          <Space wrap>
            <Typography.Text strong>{appeal.ruleName}</Typography.Text>
            <QaPoints points={appeal.points} />
            <QaAppealStatusTag status={appeal.status} />
          </Space>
          <QaAppealTimeline appeal={appeal} />
        </Card>
      ))}
    </Space>
  );
}
