import { HistoryOutlined } from '@ant-design/icons';
import { Button, DatePicker, Popover, Space, Table, type TableColumnsType, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { type PortraitPeriod, portraitApi } from '../api-client/portrait-endpoints.js';
import { useApiData } from '../hooks/use-api-data.js';

const at = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');

function HistoryTable({ periods, onPick }: { periods: PortraitPeriod[]; onPick: (asOf: string | undefined) => void }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<PortraitPeriod> = [
    {
      title: t('portrait.asOf.period'),
      key: 'period',
      render: (_, p) => `${at(p.validFrom)} – ${p.validTo ? at(p.validTo) : t('portrait.asOf.now')}`,
    },
    { title: t('portrait.asOf.tagCount'), key: 'tags', width: 64, align: 'right', render: (_, p) => p.tags.length },
    {
      title: t('portrait.asOf.grades'),
      key: 'grades',
      width: 120,
      render: (_, p) =>
        Object.values(p.grades)
          .filter((g) => g !== null)
          .join(' / '),
    },
    {
      key: 'pick',
      width: 64,
      render: (_, p) => (
        // The current period is the live portrait, so picking it drops the as-of.
        <Typography.Link onClick={() => onPick(p.validTo === null ? undefined : p.validFrom)}>
          {t('portrait.asOf.view')}
        </Typography.Link>
      ),
    },
  ];
  return (
    <Table<PortraitPeriod>
      size="small"
      rowKey="validFrom"
      columns={columns}
      dataSource={periods}
      pagination={false}
      scroll={{ y: 280 }}
      style={{ width: 520 }}
      data-testid="portrait-history"
    />
  );
}

/**
 * "As of" (截至) for the portrait: a date (the portrait known at the end of that day) or one
 * of the validity periods the history lists. Empty means the current portrait.
 */
export function PortraitAsOf({
  customerNo,
  asOf,
  onChange,
}: {
  customerNo: string;
  asOf: string | undefined;
  onChange: (asOf: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const { data: history } = useApiData(`history|${customerNo}`, () => portraitApi.customerHistory(customerNo));
  const periods = history?.items ?? [];
  const pickDate = (date: Dayjs | null) => onChange(date ? date.endOf('day').toISOString() : undefined);
  return (
    <Space size={8} wrap>
      <Typography.Text type="secondary">{t('portrait.asOf.label')}</Typography.Text>
      <DatePicker
        size="small"
        value={asOf ? dayjs(asOf) : null}
        onChange={pickDate}
        disabledDate={(d) => d.isAfter(dayjs().endOf('day'))}
        placeholder={t('portrait.asOf.current')}
        data-testid="portrait-as-of"
      />
      <Popover
        trigger="click"
        placement="bottomRight"
        title={t('portrait.asOf.history', { count: periods.length })}
        content={<HistoryTable periods={periods} onPick={onChange} />}
      >
        <Button size="small" icon={<HistoryOutlined />} data-testid="portrait-history-button">
          {t('portrait.asOf.history', { count: periods.length })}
        </Button>
      </Popover>
    </Space>
  );
}
