import { Space, Table, type TableColumnsType, Tabs, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PortraitElement, PortraitGroup } from '../api-client/portrait-endpoints.js';
import { formatFeatureValue, TONE_COLOR, usePickName } from './portrait-format.js';

type Point = PortraitGroup['features'][number];

function GroupTags({
  tags,
  onOpen,
  testIdPrefix,
}: {
  tags: PortraitGroup['tags'];
  onOpen: (element: PortraitElement) => void;
  testIdPrefix: string;
}) {
  const pick = usePickName();
  if (tags.length === 0) return null;
  return (
    <Space size={[4, 8]} wrap style={{ marginBottom: 8 }}>
      {tags.map((tag) => (
        <Tooltip key={tag.code} title={pick(tag.description)}>
          <Tag
            color={TONE_COLOR[tag.tone]}
            style={{ cursor: 'pointer' }}
            onClick={() => onOpen(`tag:${tag.code}`)}
            data-testid={`${testIdPrefix}-tag-${tag.code}`}
          >
            {pick(tag.name)}
          </Tag>
        </Tooltip>
      ))}
    </Space>
  );
}

/**
 * The statistic points (统计指标) of a subject grouped as its portrait groups them (an
 * employee's five aspects, E1; an area's five risk dimensions, E4): one tab each with the
 * group's score, its tags (a click opens their why) and every point's value and window.
 * Test ids start with `testIdPrefix` (employee-points, employee-aspect-<code>, …).
 */
export function PortraitGroupPoints({
  groups,
  onOpen,
  testIdPrefix,
}: {
  groups: PortraitGroup[];
  onOpen: (element: PortraitElement) => void;
  testIdPrefix: 'employee' | 'area';
}) {
  const { t } = useTranslation();
  const pick = usePickName();
  const columns: TableColumnsType<Point> = [
    { title: t('portrait.points.point'), dataIndex: 'name', render: pick },
    {
      title: t('portrait.points.value'),
      key: 'value',
      width: 140,
      align: 'right',
      render: (_, point) => (
        <span data-testid={`${testIdPrefix}-point-value`}>
          {formatFeatureValue(point.value)}
          {point.unit && point.value !== null ? ` ${pick(point.unit)}` : ''}
        </span>
      ),
    },
    {
      title: t('portrait.points.window'),
      dataIndex: 'windowDays',
      width: 110,
      render: (days: number | null) => (days ? t('portrait.points.days', { days }) : '—'),
    },
  ];
  const total = groups.reduce((n, group) => n + group.features.length, 0);
  const groupTestId = testIdPrefix === 'employee' ? 'employee-aspect' : 'area-dimension';
  return (
    <div data-testid={`${testIdPrefix}-points`} data-count={total}>
      <Typography.Text type="secondary">{t('portrait.points.count', { count: total })}</Typography.Text>
      <Tabs
        size="small"
        items={groups.map((group) => ({
          key: group.code,
          label: (
            <span data-testid={`${groupTestId}-${group.code}`}>
              {pick(group.name)}{' '}
              <Typography.Text type="secondary">{group.score === null ? '—' : Math.round(group.score)}</Typography.Text>
            </span>
          ),
          children: (
            <>
              <GroupTags tags={group.tags} onOpen={onOpen} testIdPrefix={testIdPrefix} />
              <Table<Point>
                size="small"
                rowKey="code"
                columns={columns}
                dataSource={group.features}
                pagination={false}
                scroll={{ y: 360 }}
              />
            </>
          ),
        }))}
      />
    </div>
  );
}
