import { Card, Col, Empty, Row, Space, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api } from '../api-client/endpoints.js';
import { ApiErrorResult } from '../components/api-error-result.js';
import { CallTranscript } from '../components/call-transcript.js';
import { CaseWorkOrder } from '../components/case-work-order.js';
import { ChannelGlyph } from '../components/channel-glyph.js';
import { PageSpinner } from '../components/page-spinner.js';
import { TraceItemContent } from '../components/trace-item.js';
import { useApiData } from '../hooks/use-api-data.js';

/** Case chain (诉求链): the case's traces in order, its work orders and its calls. */
export default function CasePage() {
  const { t, i18n } = useTranslation();
  const caseId = useParams().caseId ?? '';
  // Trace summaries come in the request's language, so a language switch reloads the chain.
  const { data: chain, loading, error } = useApiData(`${caseId}:${i18n.language}`, () => api.caseChain(caseId));

  if (loading && !chain) return <PageSpinner />;
  if (!chain) return <ApiErrorResult error={error} />;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card variant="borderless" data-testid="case-header">
        <Space wrap align="center">
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('case.title')} {chain.caseId}
          </Typography.Title>
          {chain.customers.map((c) => (
            <Link key={c.customerNo} to={`/customers/${encodeURIComponent(c.customerNo)}`}>
              <Tag color="green">
                {t('case.customer')} {c.name} · {c.customerNo}
              </Tag>
            </Link>
          ))}
        </Space>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Card title={t('case.steps')} variant="borderless" size="small">
            <div data-testid="case-steps">
              <Timeline
                items={chain.traces.map((trace) => ({
                  key: trace.traceId,
                  dot: <ChannelGlyph channel={trace.channel} />,
                  children: <TraceItemContent trace={trace} />,
                }))}
              />
            </div>
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            {chain.workOrders.map((order) => (
              <CaseWorkOrder key={order.orderNo} order={order} />
            ))}
            <Card title={t('case.calls')} variant="borderless" size="small">
              {chain.calls.length === 0 ? (
                <Empty description={t('case.noCalls')} />
              ) : (
                <Space direction="vertical" size={12} style={{ width: '100%' }}>
                  {chain.calls.map((call) => (
                    <CallTranscript key={call.callId} call={call} />
                  ))}
                </Space>
              )}
            </Card>
          </Space>
        </Col>
      </Row>
    </Space>
  );
}
