import { Card, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { CallRecord } from '../api-client/types.js';
import { useVocabulary } from '../session/vocabulary-context.js';
import { ChannelGlyph } from './channel-glyph.js';

const clock = (ms: number) => {
  const seconds = Math.floor(ms / 1000);
  return `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
};

/** A call's transcript as chat bubbles: agent on the right, customer on the left. */
export function CallTranscript({ call }: { call: CallRecord }) {
  const { t } = useTranslation();
  const { label } = useVocabulary();
  const seconds = Math.max(0, dayjs(call.endedAt).diff(dayjs(call.startedAt), 'second'));
  return (
    <Card
      size="small"
      data-testid="call-transcript"
      title={
        <Space size={8} wrap>
          <ChannelGlyph channel={call.channel} />
          <span>{label('channels', call.channel)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {dayjs(call.startedAt).format('YYYY-MM-DD HH:mm')} ·{' '}
            {t('case.duration', { minutes: Math.floor(seconds / 60), seconds: seconds % 60 })}
          </Typography.Text>
          {call.agent && <Tag>{call.agent.name}</Tag>}
          {call.callerPhone && <Tag>{call.callerPhone}</Tag>}
        </Space>
      }
    >
      <Space direction="vertical" size={8} style={{ width: '100%' }}>
        {call.turns.map((turn) => {
          const speaker = turn.speaker === 'agent' || turn.speaker === 'customer' ? turn.speaker : 'system';
          return (
            <div
              key={turn.seq}
              style={{
                display: 'flex',
                justifyContent: speaker === 'agent' ? 'flex-end' : speaker === 'system' ? 'center' : 'flex-start',
              }}
              data-testid="transcript-turn"
              data-speaker={speaker}
            >
              <div className={`gc-bubble gc-bubble-${speaker}`}>
                <Typography.Text type="secondary" style={{ fontSize: 11, display: 'block' }}>
                  {t(`case.speakers.${speaker}`)} · {clock(turn.startMs)}
                </Typography.Text>
                {turn.text}
              </div>
            </div>
          );
        })}
      </Space>
    </Card>
  );
}
