import { Empty, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CustomerPortrait, PortraitElement } from '../api-client/portrait-endpoints.js';
import { usePickName } from './portrait-format.js';

type Strategy = CustomerPortrait['strategies'][number];

// Priority 1 acts first; the first three priorities get a stronger colour.
const PRIORITY_COLOR = ['red', 'volcano', 'orange'];

/** Service strategies of the held tags in priority order, each naming the tag that asks for it. */
export function PortraitStrategies({
  strategies,
  onOpen,
}: {
  strategies: Strategy[];
  onOpen?: (element: PortraitElement) => void;
}) {
  const { t, i18n } = useTranslation();
  const pick = usePickName();
  if (strategies.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('portrait.noStrategies')} />;
  const ordered = [...strategies].sort((a, b) => a.priority - b.priority);
  return (
    <ol style={{ margin: 0, paddingLeft: 0, listStyle: 'none' }} data-testid="portrait-strategies">
      {ordered.map((s) => (
        <li
          key={`${s.tag}:${s.priority}`}
          data-testid="portrait-strategy"
          style={{ display: 'flex', gap: 8, alignItems: 'baseline', padding: '4px 0' }}
        >
          <Tag color={PRIORITY_COLOR[s.priority - 1] ?? 'default'} style={{ minWidth: 36, textAlign: 'center' }}>
            P{s.priority}
          </Tag>
          <span style={{ flex: 1 }}>
            {i18n.language === 'en' ? s.en : s.zh}{' '}
            <Typography.Link type="secondary" style={{ fontSize: 12 }} onClick={() => onOpen?.(`tag:${s.tag}`)}>
              （{pick(s.tagName)}）
            </Typography.Link>
          </span>
        </li>
      ))}
    </ol>
  );
}
