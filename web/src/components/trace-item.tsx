import { Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { TraceItem } from '../api-client/types.js';
import { useVocabulary } from '../session/vocabulary-context.js';
import { channelStyle } from './channel-glyph.js';

/** One trace: when, what, through which channel, what was said or done, and its case. */
export function TraceItemContent({ trace }: { trace: TraceItem }) {
  const { t } = useTranslation();
  const { label } = useVocabulary();
  return (
    <div data-testid="timeline-item" data-channel={trace.channel} data-type={trace.type}>
      <Space size={6} wrap>
        <Typography.Text strong>{label('traceTypes', trace.type)}</Typography.Text>
        <Tag color={channelStyle(trace.channel).color} style={{ marginInlineEnd: 0 }}>
          {label('channels', trace.channel)}
        </Tag>
        {trace.topic && <Tag>{label('topics', trace.topic)}</Tag>}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {dayjs(trace.occurredAt).format('YYYY-MM-DD HH:mm')}
        </Typography.Text>
      </Space>
      {trace.summary && (
        <div style={{ marginTop: 2 }} data-testid="timeline-summary">
          {trace.summary}
        </div>
      )}
      {trace.caseId && (
        <Link
          to={`/cases/${encodeURIComponent(trace.caseId)}`}
          style={{ fontSize: 12 }}
          data-testid="timeline-case-link"
        >
          {t('timeline.case', { id: trace.caseId })}
        </Link>
      )}
    </div>
  );
}
