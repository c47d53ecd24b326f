import { Progress, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { HotZone, HotZones } from '../api-client/portrait-endpoints.js';
import { GRADE_COLORS, signed, TONE_COLOR, usePickName } from './portrait-format.js';
import { levelColor } from './portrait-hot-zone-treemap.js';

/** Hot zones ranked by risk score, each with its level, customers and the largest reasons. */
export function HotZoneTable({ hotZones }: { hotZones: HotZones }) {
  const { t } = useTranslation();
  const pick = usePickName();
  const columns: TableColumnsType<HotZone> = [
    { title: t('portrait.hotZones.rank'), key: 'rank', width: 56, align: 'right', render: (_, __, i) => i + 1 },
    {
      title: t('portrait.hotZones.name'),
      dataIndex: 'name',
      width: 200,
      render: (name: string, zone) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/areas/${zone.kind}/${encodeURIComponent(zone.id)}`} data-testid="hot-zone-link">
            <Typography.Text strong>{name}</Typography.Text>
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {zone.id}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('portrait.hotZones.orgUnit'),
      key: 'orgUnit',
      width: 150,
      render: (_, zone) => zone.orgUnit.name,
    },
    {
      title: t('portrait.hotZones.riskScore'),
      dataIndex: 'riskScore',
      width: 140,
      render: (score: number, zone) => (
        <Progress
          percent={Math.min(100, score)}
          format={() => String(Math.round(score))}
          size="small"
          strokeColor={levelColor(hotZones.levels, zone.riskLevel)}
        />
      ),
    },
    {
      title: t('portrait.hotZones.level'),
      key: 'level',
      width: 96,
      render: (_, zone) => (
        <Tag color={GRADE_COLORS.hot_zone_level?.[zone.riskLevel ?? ''] ?? levelColor(hotZones.levels, zone.riskLevel)}>
          {zone.levelName ? pick(zone.levelName) : '—'}
        </Tag>
      ),
    },
    {
      title: t('portrait.hotZones.customers'),
      dataIndex: 'customers',
      width: 80,
      align: 'right',
      render: (n: number | null) => n ?? '—',
    },
    {
      title: t('portrait.hotZones.reasons'),
      key: 'reasons',
      render: (_, zone) => (
        <Space size={[4, 4]} wrap>
          {zone.reasons.map((r) => (
            <Tag key={r.reason.en} data-testid="hot-zone-reason">
              {pick(r.reason)} {signed(r.points)}
            </Tag>
          ))}
          {zone.tags.map((tag) => (
            <Tag key={tag.code} color={TONE_COLOR[tag.tone]} data-testid="hot-zone-tag">
              {pick(tag.name)}
            </Tag>
          ))}
        </Space>
      ),
    },
  ];
  return (
    <Table<HotZone>
      size="small"
      rowKey={(zone) => `${zone.kind}:${zone.id}`}
      columns={columns}
      dataSource={hotZones.items}
      pagination={{ pageSize: 20, showSizeChanger: false }}
      data-testid="hot-zone-table"
    />
  );
}
