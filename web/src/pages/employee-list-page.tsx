import { Card, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../api-client/endpoints.js';
import type { EmployeeListItem } from '../api-client/types.js';
import { SearchTable } from '../components/search-table.js';

export default function EmployeeListPage() {
  const { t } = useTranslation();
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
      <SearchTable<EmployeeListItem>
        name="employee"
        placeholder={t('employee.searchPlaceholder')}
        columns={columns}
        rowKey="employeeNo"
        search={api.searchEmployees}
      />
    </Card>
  );
}
