import { Card, Input, Table, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../api-client/endpoints.js';
import type { CustomerListItem } from '../api-client/types.js';
import { CustomerFlags } from '../components/customer-flags.js';
import { useApiData } from '../hooks/use-api-data.js';

const PAGE_SIZE = 20;

export default function CustomerSearchPage() {
  const { t } = useTranslation();
  // The query lives in the URL, so Back from a customer returns to the same result page.
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Number(params.get('page') ?? '1') || 1;
  const { data, loading } = useApiData(JSON.stringify([q, page]), () => api.searchCustomers(q, page, PAGE_SIZE));

  const columns: TableColumnsType<CustomerListItem> = [
    {
      title: t('customer.customerNo'),
      dataIndex: 'customerNo',
      width: 150,
      render: (no: string, c) => (c.restricted ? no : <Link to={`/customers/${encodeURIComponent(no)}`}>{no}</Link>),
    },
    { title: t('customer.name'), dataIndex: 'name', ellipsis: true },
    { title: t('customer.phone'), dataIndex: 'phone', width: 140, render: (p: string | null) => p ?? t('common.none') },
    {
      title: t('customer.type'),
      dataIndex: 'customerType',
      width: 100,
      render: (type: string) => t(`customer.${type}`, { defaultValue: type }),
    },
    { title: t('customer.orgUnit'), dataIndex: ['orgUnit', 'name'], ellipsis: true },
    {
      title: t('customer.flags'),
      key: 'flags',
      width: 200,
      render: (_: unknown, c) => <CustomerFlags important={c.important} special={c.special} />,
    },
  ];

  return (
    <Card title={t('menu.customers')} variant="borderless">
      <Input.Search
        placeholder={t('customer.searchPlaceholder')}
        defaultValue={q}
        allowClear
        enterButton={t('common.search')}
        style={{ maxWidth: 560, marginBottom: 8 }}
        data-testid="customer-search"
        onSearch={(value) => setParams(value.trim() ? { q: value.trim() } : {})}
      />
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('customer.searchHint')}
      </Typography.Paragraph>
      <div data-testid="customer-table">
        <Table<CustomerListItem>
          rowKey="customerNo"
          size="small"
          loading={loading}
          columns={columns}
          dataSource={data?.items ?? []}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (count) => t('common.total', { count }),
            onChange: (next) => setParams(q ? { q, page: String(next) } : { page: String(next) }),
          }}
        />
      </div>
    </Card>
  );
}
