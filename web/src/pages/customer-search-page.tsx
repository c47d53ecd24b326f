import { Card, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../api-client/endpoints.js';
import type { CustomerListItem } from '../api-client/types.js';
import { CustomerFlags } from '../components/customer-flags.js';
import { SearchTable } from '../components/search-table.js';

export default function CustomerSearchPage() {
  const { t } = useTranslation();

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
      <SearchTable<CustomerListItem>
        name="customer"
        placeholder={t('customer.searchPlaceholder')}
        hint={t('customer.searchHint')}
        columns={columns}
        rowKey="customerNo"
        search={api.searchCustomers}
      />
    </Card>
  );
}
