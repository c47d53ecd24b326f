import { Space, Table, type TableColumnsType, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { PortraitDefinitions } from '../api-client/portrait-endpoints.js';
import type { Segment, SegmentCustomer } from '../api-client/segment-endpoints.js';
import { CustomerFlags } from './customer-flags.js';
import { GRADE_COLORS, TONE_COLOR, usePickName } from './portrait-format.js';
import { serverPagination } from './server-pagination.js';

const TAGS_SHOWN = 4;

/** One page of the segment: each customer links to their 360 page, where the portrait explains itself. */
export function SegmentTable({
  segment,
  definitions,
  loading,
  onPage,
}: {
  segment: Segment | undefined;
  definitions: PortraitDefinitions;
  loading: boolean;
  onPage: (page: number) => void;
}) {
  const { t } = useTranslation();
  const pick = usePickName();
  const tagDefs = new Map(definitions.tags.filter((x) => x.subject === 'customer').map((x) => [x.code, x]));
  const scores = definitions.scores.filter((s) => s.subject === 'customer');

  const columns: TableColumnsType<SegmentCustomer> = [
    {
      title: t('segments.columns.customerNo'),
      dataIndex: 'customerNo',
      width: 130,
      render: (no: string) => <Link to={`/customers/${encodeURIComponent(no)}`}>{no}</Link>,
    },
    { title: t('segments.columns.name'), dataIndex: 'name', ellipsis: true, width: 180 },
    {
      title: t('segments.columns.type'),
      dataIndex: 'customerType',
      width: 80,
      render: (type: string) => t(`customer.${type}`, { defaultValue: type }),
    },
    { title: t('segments.columns.orgUnit'), dataIndex: ['orgUnit', 'name'], ellipsis: true, width: 150 },
    {
      title: t('segments.columns.transformerArea'),
      dataIndex: 'transformerArea',
      ellipsis: true,
      width: 140,
      render: (area: SegmentCustomer['transformerArea']) => area?.name ?? t('common.none'),
    },
    {
      title: t('segments.columns.creditGrade'),
      dataIndex: 'creditGrade',
      width: 80,
      render: (grade: string | null) =>
        grade ? <Tag color={GRADE_COLORS.credit_grade?.[grade] ?? 'default'}>{grade}</Tag> : t('common.none'),
    },
    {
      title: t('segments.columns.feeRiskClass'),
      dataIndex: 'feeRiskClass',
      width: 80,
      render: (c: number | null) =>
        c === null ? t('common.none') : <Tag color={GRADE_COLORS.fee_risk_class?.[String(c)] ?? 'default'}>{c}</Tag>,
    },
    ...scores.map((score) => ({
      title: pick(score.name),
      key: `score-${score.code}`,
      width: 90,
      align: 'right' as const,
      render: (_: unknown, c: SegmentCustomer) => {
        const value = c.scores[score.code];
        return value === null || value === undefined ? t('common.none') : Math.round(value * 10) / 10;
      },
    })),
    {
      title: t('segments.columns.tags'),
      key: 'tags',
      width: 300,
      render: (_: unknown, c: SegmentCustomer) => (
        <Space size={[2, 4]} wrap>
          <CustomerFlags important={c.important} special={c.special} />
          {c.tags.slice(0, TAGS_SHOWN).map((code) => {
            const def = tagDefs.get(code);
            return (
              <Tag key={code} color={def ? TONE_COLOR[def.tone] : 'default'}>
                {def ? pick(def.name) : code}
              </Tag>
            );
          })}
          {c.tags.length > TAGS_SHOWN && (
            <Tooltip
              title={c.tags
                .slice(TAGS_SHOWN)
                .map((code) => pick(tagDefs.get(code)?.name) || code)
                .join('、')}
            >
              <Tag>+{c.tags.length - TAGS_SHOWN}</Tag>
            </Tooltip>
          )}
        </Space>
      ),
    },
  ];

  return (
    <div data-testid="segment-table">
      <Table<SegmentCustomer>
        rowKey="customerNo"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={segment?.items ?? []}
        scroll={{ x: 1500 }}
        pagination={serverPagination(t, segment?.page ?? 1, segment?.pageSize ?? 20, segment?.total ?? 0, onPage)}
      />
    </div>
  );
}
