import { ControlOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { Layout, Menu } from 'antd';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useCan } from '../session/session-context.js';
import { AppHeader } from './app-header.js';
import { PageSpinner } from './page-spinner.js';

/** The signed-in frame: side menu of the pages this account may open, header, page. */
export function AppLayout() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const canReadCustomers = useCan('customer:read');
  const canReadEmployees = useCan('employee:read');

  const items = [
    ...(canReadCustomers ? [{ key: '/customers', icon: <UserOutlined />, label: t('menu.customers') }] : []),
    ...(canReadEmployees ? [{ key: '/employees', icon: <TeamOutlined />, label: t('menu.employees') }] : []),
    { key: '/collection-points', icon: <ControlOutlined />, label: t('menu.collectionPoints') },
  ];
  // Case chains are reached from a customer, so the customer menu item stays selected there.
  const selected =
    ['/employees', '/collection-points'].find((key) => location.pathname.startsWith(key)) ?? '/customers';

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={200} breakpoint="lg" collapsedWidth={56}>
        <div
          style={{
            height: 56,
            display: 'flex',
            alignItems: 'center',
            padding: '0 20px',
            color: '#fff',
            fontWeight: 600,
            fontSize: 17,
          }}
        >
          {t('app.short')}
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[selected]}
          items={items}
          onClick={({ key }) => navigate(key)}
          data-testid="side-menu"
        />
      </Layout.Sider>
      <Layout>
        <AppHeader />
        <Layout.Content style={{ padding: 20 }}>
          <Suspense fallback={<PageSpinner />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
