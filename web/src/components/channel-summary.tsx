import { Space, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import type { Customer360 } from '../api-client/types.js';
import { useVocabulary } from '../session/vocabulary-context.js';
import { ChannelGlyph } from './channel-glyph.js';

/** Which channels the customer uses and how often: the shape of the timeline at a glance. */
export function ChannelSummary({ channels }: { channels: Customer360['channels'] }) {
  const { label } = useVocabulary();
  return (
    <Space size={10} wrap data-testid="channel-summary">
      {channels.map((c) => (
        <Tooltip key={c.channel} title={`${label('channels', c.channel)} · ${dayjs(c.lastAt).format('YYYY-MM-DD')}`}>
          <Space size={3}>
            <ChannelGlyph channel={c.channel} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {c.count}
            </Typography.Text>
          </Space>
        </Tooltip>
      ))}
    </Space>
  );
}
