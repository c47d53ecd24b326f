import { Space, Table, type TableColumnsType, Tabs, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EmployeePortrait, PortraitElement } from '../api-client/portrait-endpoints.js';
import { formatFeatureValue, TONE_COLOR, usePickName } from './portrait-format.js';

type Aspect = EmployeePortrait['aspects'][number];
type Point = Aspect['features'][number];

function AspectTags({ tags, onOpen }: { tags: Aspect['tags']; onOpen: (element: PortraitElement) => void }) {
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
            data-testid={`employee-tag-${tag.code}`}
          >
            {pick(tag.name)}
          </Tag>
        </Tooltip>
      ))}
    </Space>
  );
}

/**
 * The statistic points (统计指标, E1) grouped by the five aspects, one tab each with the
 * aspect's score, its tags (a click opens their why) and every point's value and window.
 */
export function EmployeeStatisticPoints({
  aspects,
  onOpen,
}: {
  aspects: EmployeePortrait['aspects'];
  onOpen: (element: PortraitElement) => void;
}) {
  const { t } = useTranslation();
  const pick = usePickName();
  const columns: TableColumnsType<Point> = [
    { title: t('portrait.employee.point'), dataIndex: 'name', render: pick },
    {
      title: t('portrait.employee.value'),
      key: 'value',
      width: 140,
      align: 'right',
      render: (_, point) => (
        <span data-testid="employee-point-value">
          {formatFeatureValue(point.value)}
          {point.unit && point.value !== null ? ` ${pick(point.unit)}` : ''}
        </span>
      ),
    },
    {
      title: t('portrait.employee.window'),
      dataIndex: 'windowDays',
      width: 110,
      render: (days: number | null) => (days ? t('portrait.employee.days', { days }) : '—'),
    },
  ];
  const total = aspects.reduce((n, aspect) => n + aspect.features.length, 0);
  return (
    <div data-testid="employee-points" data-count={total}>
      <Typography.Text type="secondary">{t('portrait.employee.pointCount', { count: total })}</Typography.Text>
      <Tabs
        size="small"
        items={aspects.map((aspect) => ({
          key: aspect.code,
          label: (
            <span data-testid={`employee-aspect-${aspect.code}`}>
              {pick(aspect.name)} <Typography.Text type="secondary">{aspect.score ?? '—'}</Typography.Text>
            </span>
          ),
          children: (
            <>
              <AspectTags tags={aspect.tags} onOpen={onOpen} />
              <Table<Point>
                size="small"
                rowKey="code"
                columns={columns}
                dataSource={aspect.features}
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
