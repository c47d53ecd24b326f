import {
  AuditOutlined,
  ControlOutlined,
  FilterOutlined,
  HeatMapOutlined,
  TagsOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
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
  const canReadPortraits = useCan('portrait:read');
  const canReadQa = useCan('qa:read');
  const canInspect = useCan('qa:inspect');
  const canAppeal = useCan('qa:appeal');
  const canEditSchemes = useCan('qa:scheme');

  const qaItems = [
    ...(canReadQa ? [{ key: '/qa', label: t('qa.menu.workbench') }] : []),
    ...(canInspect || canAppeal ? [{ key: '/qa/appeals', label: t('qa.menu.appeals') }] : []),
    ...(canInspect ? [{ key: '/qa/sampling', label: t('qa.menu.sampling') }] : []),
    ...(canInspect ? [{ key: '/qa/topics', label: t('qa.menu.topics') }] : []),
    ...(canInspect ? [{ key: '/qa/chain', label: t('qa.menu.chain') }] : []),
    // Everyone who reads QA sees the rules and may comment on them (标准共建); editing needs qa:scheme.
    ...(canReadQa ? [{ key: '/qa/schemes', label: t('qa.menu.schemes') }] : []),
    ...(canEditSchemes ? [{ key: '/qa/reinspections', label: t('qa.menu.reinspections') }] : []),
    ...(canReadQa ? [{ key: '/qa/case-library', label: t('qa.menu.caseLibrary') }] : []),
  ];
  const items = [
    ...(canReadCustomers ? [{ key: '/customers', icon: <UserOutlined />, label: t('menu.customers') }] : []),
    ...(canReadEmployees ? [{ key: '/employees', icon: <TeamOutlined />, label: t('menu.employees') }] : []),
    ...(canReadPortraits
      ? [
          { key: '/segments', icon: <FilterOutlined />, label: t('segments.menu.segments') },
          { key: '/tag-catalog', icon: <TagsOutlined />, label: t('segments.menu.tagCatalog') },
          { key: '/hot-zones', icon: <HeatMapOutlined />, label: t('portrait.hotZones.title') },
        ]
      : []),
    ...(qaItems.length > 0
      ? [{ key: 'qa', icon: <AuditOutlined />, label: t('qa.menu.group'), children: qaItems }]
      : []),
    { key: '/collection-points', icon: <ControlOutlined />, label: t('menu.collectionPoints') },
  ];
  // Case chains are reached from a customer, so the customer menu item stays selected there;
  // a call or an agent portrait keeps the QA workbench selected (the longest matching key wins).
  const selected =
    [
      '/employees',
      '/collection-points',
      '/hot-zones',
      '/segments',
      '/tag-catalog',
      '/qa/appeals',
      '/qa/sampling',
      '/qa/topics',
      '/qa/chain',
      '/qa/schemes',
      '/qa/reinspections',
      '/qa/case-library',
      '/qa',
    ]
      .filter((key) => location.pathname === key || location.pathname.startsWith(`${key}/`))
      .sort((a, b) => b.length - a.length)[0] ?? '/customers';

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
          defaultOpenKeys={['qa']}
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
