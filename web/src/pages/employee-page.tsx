import { AuditOutlined } from '@ant-design/icons';
import { Button, Card, Col, Row, Space } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api } from '../api-client/endpoints.js';
import type { TimelineQuery } from '../api-client/types.js';
import { ApiErrorResult } from '../components/api-error-result.js';
import { EmployeeProfileCard } from '../components/employee-profile-card.js';
import { PageSpinner } from '../components/page-spinner.js';
import { EmployeePortraitSection } from '../components/portrait-employee-section.js';
import { TraceTimeline } from '../components/trace-timeline.js';
import { WorkOrderTable } from '../components/work-order-table.js';
import { useApiData } from '../hooks/use-api-data.js';
import { useCan } from '../session/session-context.js';

export default function EmployeePage() {
  const { t } = useTranslation();
  const employeeNo = useParams().employeeNo ?? '';
  const canReadQa = useCan('qa:read');
  const canReadPortraits = useCan('portrait:read');
  const { data: profile, loading, error } = useApiData(employeeNo, () => api.employee(employeeNo));
  const loadTimeline = useCallback(
    (query: TimelineQuery, signal: AbortSignal) => api.employeeTimeline(employeeNo, query, signal),
    [employeeNo],
  );

  if (loading && !profile) return <PageSpinner />;
  if (!profile) return <ApiErrorResult error={error} />;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <EmployeeProfileCard profile={profile} />
      {canReadQa && (
        <Link to={`/qa/agents/${encodeURIComponent(employeeNo)}`} data-testid="employee-qa-portrait">
          <Button icon={<AuditOutlined />}>{t('qa.portrait.open')}</Button>
        </Link>
      )}
      {canReadPortraits && <EmployeePortraitSection employeeNo={employeeNo} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Card title={t('employee.handledOrders')} variant="borderless" size="small">
            <WorkOrderTable orders={profile.workOrders.recent} />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card title={t('timeline.title')} variant="borderless" size="small">
            <TraceTimeline load={loadTimeline} />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
