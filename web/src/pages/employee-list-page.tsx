import { Card, Input, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../api-client/endpoints.js';
import type { EmployeeListItem } from '../api-client/types.js';
import { useApiData } from '../hooks/use-api-data.js';

const PAGE_SIZE = 20;

export default function EmployeeListPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Number(params.get('page') ?? '1') || 1;
  const { data, loading } = useApiData(JSON.stringify([q, page]), () => api.searchEmployees(q, page, PAGE_SIZE));

  const columns: TableColumnsType<EmployeeListItem> = [
    {
      title: t('employee.employeeNo'),
      dataIndex: 'employeeNo',
      width: 140,
      render: (no: string) => <Link to={`/employees/${encodeURIComponent(no)}`}>{no}</Link>,
    },
    { title: t('employee.name'), dataIndex: 'name', width: 120 },
    {
      title: t('employee.post'),
      dataIndex: 'post',
      width: 140,
      render: (post: string) => t(`employee.posts.${post}`, { defaultValue: post }),
    },
    { title: t('employee.orgUnit'), dataIndex: ['orgUnit', 'name'], ellipsis: true },
    {
      title: t('employee.skillLevel'),
      dataIndex: 'skillLevel',
      width: 100,
      render: (level: number | null) => level ?? t('common.none'),
    },
    {
      title: t('employee.status'),
      dataIndex: 'status',
      width: 90,
      render: (status: string) => t(`employee.statuses.${status}`, { defaultValue: status }),
    },
  ];

  return (
    <Card title={t('menu.employees')} variant="borderless">
      <Input.Search
        placeholder={t('employee.searchPlaceholder')}
        defaultValue={q}
        allowClear
        enterButton={t('common.search')}
        style={{ maxWidth: 480, marginBottom: 16 }}
        data-testid="employee-search"
        onSearch={(value) => setParams(value.trim() ? { q: value.trim() } : {})}
      />
      <div data-testid="employee-table">
        <Table<EmployeeListItem>
          rowKey="employeeNo"
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
