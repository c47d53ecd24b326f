import { Card, Col, Row, Space } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { api } from '../api-client/endpoints.js';
import type { TimelineQuery } from '../api-client/types.js';
import { ApiErrorResult } from '../components/api-error-result.js';
import { ChannelSummary } from '../components/channel-summary.js';
import { ConsumptionPanel } from '../components/consumption-panel.js';
import { CustomerCreditLedger } from '../components/credit-ledger-chart.js';
import { CustomerHeader } from '../components/customer-header.js';
import { PageSpinner } from '../components/page-spinner.js';
import { CustomerPortraitSection } from '../components/portrait-section.js';
import { TraceTimeline } from '../components/trace-timeline.js';
import { UsageChart } from '../components/usage-chart.js';
import { WorkOrderTable } from '../components/work-order-table.js';
import { useApiData } from '../hooks/use-api-data.js';
import { useCan } from '../session/session-context.js';

/**
 * Customer 360 (客户全景): key facts, the portrait (tags, grades, strategies, notes, why), consumption
 * and bills, credit ledger, work orders, service traces.
 */
export default function CustomerPage() {
  const { t } = useTranslation();
  const mayReadPortrait = useCan('portrait:read');
  const customerNo = useParams().customerNo ?? '';
  const { data: view, loading, error } = useApiData(customerNo, () => api.customer(customerNo));
  const loadTimeline = useCallback(
    (query: TimelineQuery, signal: AbortSignal) => api.customerTimeline(customerNo, query, signal),
    [customerNo],
  );

  if (loading && !view) return <PageSpinner />;
  if (!view) return <ApiErrorResult error={error} />;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <CustomerHeader customer={view.customer} />
      {mayReadPortrait && <CustomerPortraitSection customerNo={customerNo} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Card title={t('usage.title')} variant="borderless" size="small">
              <UsageChart months={view.monthly} />
            </Card>
            <Card title={t('consumption.title')} variant="borderless" size="small">
              <ConsumptionPanel customerNo={customerNo} />
            </Card>
            <Card title={t('credit.title')} variant="borderless" size="small">
              <CustomerCreditLedger customerNo={customerNo} />
            </Card>
            <Card title={t('workOrders.title')} variant="borderless" size="small">
              <WorkOrderTable orders={view.recentWorkOrders} />
            </Card>
          </Space>
        </Col>
        <Col xs={24} xl={9}>
          <Card title={t('timeline.title')} variant="borderless" size="small">
            <div style={{ marginBottom: 12 }}>
              <ChannelSummary channels={view.channels} />
            </div>
            <TraceTimeline load={loadTimeline} />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
