import { App as AntApp, ConfigProvider } from 'antd';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn.js';
import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { antdEnUS, antdZhCN } from './antd-locales.js';
import { AppLayout } from './components/app-layout.js';
import { PageSpinner } from './components/page-spinner.js';
import { RequireSession } from './components/require-session.js';
import { SessionProvider } from './session/session-context.js';
import { VocabularyProvider } from './session/vocabulary-context.js';
import { theme } from './theme.js';

// One chunk per page, so the login page loads without ECharts and the 360 view's code.
const LoginPage = lazy(() => import('./pages/login-page.js'));
const CustomerSearchPage = lazy(() => import('./pages/customer-search-page.js'));
const CustomerPage = lazy(() => import('./pages/customer-page.js'));
const CasePage = lazy(() => import('./pages/case-page.js'));
const EmployeeListPage = lazy(() => import('./pages/employee-list-page.js'));
const EmployeePage = lazy(() => import('./pages/employee-page.js'));
const CollectionPointsPage = lazy(() => import('./pages/collection-points-page.js'));
const QaQueuePage = lazy(() => import('./pages/qa-queue-page.js'));
const QaCallPage = lazy(() => import('./pages/qa-call-page.js'));
const QaAppealsPage = lazy(() => import('./pages/qa-appeals-page.js'));
const QaSamplingPage = lazy(() => import('./pages/qa-sampling-page.js'));
const QaSchemesPage = lazy(() => import('./pages/qa-schemes-page.js'));
const QaSchemeEditorPage = lazy(() => import('./pages/qa-scheme-editor-page.js'));
const QaCaseLibraryPage = lazy(() => import('./pages/qa-case-library-page.js'));
const QaAgentPage = lazy(() => import('./pages/qa-agent-page.js'));
const QaTopicsPage = lazy(() => import('./pages/qa-topics-page.js'));
const QaChainPage = lazy(() => import('./pages/qa-chain-page.js'));
const QaReinspectionsPage = lazy(() => import('./pages/qa-reinspections-page.js'));
const AreaPage = lazy(() => import('./pages/area-page.js'));
const HotZonesPage = lazy(() => import('./pages/hot-zones-page.js'));
const SegmentsPage = lazy(() => import('./pages/segments-page.js'));
const TagCatalogPage = lazy(() => import('./pages/tag-catalog-page.js'));
const NotFoundPage = lazy(() => import('./pages/not-found-page.js'));

const pageFallback = <PageSpinner />;

export function App() {
  const { i18n } = useTranslation();
  const english = i18n.language === 'en';
  useEffect(() => {
    dayjs.locale(english ? 'en' : 'zh-cn');
    document.documentElement.lang = english ? 'en' : 'zh-CN';
  }, [english]);

  return (
    <ConfigProvider locale={english ? antdEnUS : antdZhCN} theme={theme}>
      <AntApp>
        <SessionProvider>
          <BrowserRouter>
            <Suspense fallback={pageFallback}>
              <Routes>
                <Route path="/login" element={<LoginPage />} />
                <Route
                  element={
                    <RequireSession>
                      <VocabularyProvider>
                        <AppLayout />
                      </VocabularyProvider>
                    </RequireSession>
                  }
                >
                  <Route index element={<Navigate to="/customers" replace />} />
                  <Route path="/customers" element={<CustomerSearchPage />} />
                  <Route path="/customers/:customerNo" element={<CustomerPage />} />
                  <Route path="/cases/:caseId" element={<CasePage />} />
                  <Route path="/employees" element={<EmployeeListPage />} />
                  <Route path="/employees/:employeeNo" element={<EmployeePage />} />
                  <Route path="/collection-points" element={<CollectionPointsPage />} />
                  <Route path="/qa" element={<QaQueuePage />} />
                  <Route path="/qa/calls/:callId" element={<QaCallPage />} />
                  <Route path="/qa/appeals" element={<QaAppealsPage />} />
                  <Route path="/qa/sampling" element={<QaSamplingPage />} />
                  <Route path="/qa/schemes" element={<QaSchemesPage />} />
                  <Route path="/qa/schemes/:code/versions/:version" element={<QaSchemeEditorPage />} />
                  <Route path="/qa/case-library" element={<QaCaseLibraryPage />} />
                  <Route path="/qa/agents/:employeeNo" element={<QaAgentPage />} />
                  <Route path="/qa/topics" element={<QaTopicsPage />} />
                  <Route path="/qa/chain" element={<QaChainPage />} />
                  <Route path="/qa/reinspections" element={<QaReinspectionsPage />} />
                  <Route path="/hot-zones" element={<HotZonesPage />} />
                  <Route path="/areas/:kind/:id" element={<AreaPage />} />
                  <Route path="/segments" element={<SegmentsPage />} />
                  <Route path="/tag-catalog" element={<TagCatalogPage />} />
                  <Route path="*" element={<NotFoundPage />} />
                </Route>
              </Routes>
            </Suspense>
          </BrowserRouter>
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}
