import { Card, Col, Descriptions, Row, Space, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EmployeeProfile } from '../api-client/types.js';
import { useVocabulary } from '../session/vocabulary-context.js';

/** Who the employee is and how their work orders went: volume, complaints, satisfaction. */
export function EmployeeProfileCard({ profile }: { profile: EmployeeProfile }) {
  const { t } = useTranslation();
  const { label } = useVocabulary();
  const { employee, workOrders, complaints, satisfaction } = profile;
  const none = t('common.none');
  return (
    <Card variant="borderless" data-testid="employee-header">
      <Space align="center" style={{ marginBottom: 12 }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {employee.name}
        </Typography.Title>
        <Tag>{employee.employeeNo}</Tag>
        <Tag color="green">{t(`employee.posts.${employee.post}`, { defaultValue: employee.post })}</Tag>
        <Tag>{t(`employee.statuses.${employee.status}`, { defaultValue: employee.status })}</Tag>
      </Space>
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Descriptions
            size="small"
            column={2}
            items={[
              {
                key: 'org',
                label: t('employee.orgUnit'),
                span: 2,
                children: employee.orgUnits.map((u) => u.name).join(' / '),
              },
              { key: 'hire', label: t('employee.hireDate'), children: employee.hireDate ?? none },
              { key: 'skill', label: t('employee.skillLevel'), children: employee.skillLevel ?? none },
              { key: 'phone', label: t('customer.phone'), children: employee.phone ?? none },
              {
                key: 'types',
                label: t('workOrders.type'),
                span: 2,
                children: (
                  <Space size={4} wrap>
                    {workOrders.byType.map((entry) => (
                      <Tag key={entry.orderType}>
                        {label('workOrderTypes', entry.orderType)} {entry.count}
                      </Tag>
                    ))}
                  </Space>
                ),
              },
            ]}
          />
        </Col>
        <Col xs={24} lg={10}>
          <Row gutter={16}>
            <Col span={8}>
              <Statistic title={t('employee.handledOrders')} value={workOrders.total} />
            </Col>
            <Col span={8}>
              <Statistic
                title={t('employee.complaints')}
                value={complaints.total}
                {...(complaints.substantiated ? { suffix: `/ ${complaints.substantiated}` } : {})}
                {...(complaints.total ? { valueStyle: { color: '#cf1322' } } : {})}
              />
            </Col>
            <Col span={8}>
              <Statistic
                title={t('employee.satisfaction')}
                value={satisfaction.average === null ? none : satisfaction.average.toFixed(2)}
              />
            </Col>
          </Row>
        </Col>
      </Row>
    </Card>
  );
}
