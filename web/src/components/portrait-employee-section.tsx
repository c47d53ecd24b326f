import { Card, Col, Rate, Row, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type EmployeePortrait, type PortraitElement, portraitApi } from '../api-client/portrait-endpoints.js';
import { useApiData } from '../hooks/use-api-data.js';
import { EmployeeComplaintChart } from './portrait-employee-charts.js';
import { signed, usePickName } from './portrait-format.js';
import { PortraitGroupPoints } from './portrait-group-points.js';
import { PortraitGroupRadar } from './portrait-group-radar.js';
import { PortraitStrategies } from './portrait-strategies.js';
import { PortraitUnavailable } from './portrait-unavailable.js';
import { PortraitWhyDrawer } from './portrait-why-drawer.js';
import { WorkOrderTable } from './work-order-table.js';

/** The star rating (星级, E3), read-only, with the points rows that produced it. */
function StarRating({ stars }: { stars: EmployeePortrait['stars'] }) {
  const { t } = useTranslation();
  const pick = usePickName();
  return (
    <div data-testid="employee-stars" data-stars={stars.stars ?? ''}>
      <Typography.Text type="secondary">{t('portrait.employee.stars')}</Typography.Text>
      <div>
        <Rate disabled value={stars.stars ?? 0} count={5} />{' '}
        <Typography.Text strong>
          {stars.gradeName ? pick(stars.gradeName) : t('portrait.employee.noStars')}
        </Typography.Text>
      </div>
      {stars.score !== null && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('portrait.employee.starsScore', { score: stars.score })}
        </Typography.Text>
      )}
      {stars.reasons.length > 0 && (
        <div style={{ marginTop: 6 }}>
          {stars.reasons.map((r) => (
            <Tag key={r.reason.en} color={r.points < 0 ? 'red' : 'green'} style={{ marginBottom: 4 }}>
              {pick(r.reason)} {signed(r.points)}
            </Tag>
          ))}
        </div>
      )}
    </div>
  );
}

function LastOperation({ realtime }: { realtime: EmployeePortrait['realtime'] }) {
  const { t } = useTranslation();
  const op = realtime.lastOperation;
  return (
    <div>
      <Typography.Text type="secondary">{t('portrait.employee.lastOperation')}：</Typography.Text>
      {op ? (
        <span>
          {op.operation}
          {op.system ? ` · ${op.system}` : ''} · {dayjs(op.at).format('YYYY-MM-DD HH:mm')}
        </span>
      ) : (
        <Typography.Text type="secondary">{t('portrait.employee.noOperation')}</Typography.Text>
      )}
    </div>
  );
}

/**
 * 员工画像 (E1, E3): the five aspects as a radar, the star rating, the statistic points by
 * aspect with tags (why in a drawer), strategies and the complaint record.
 */
export function EmployeePortraitSection({ employeeNo }: { employeeNo: string }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState<PortraitElement | null>(null);
  const { data: portrait, error } = useApiData(`employee-portrait|${employeeNo}`, () =>
    portraitApi.employeePortrait(employeeNo),
  );
  const loadWhy = useCallback((element: PortraitElement) => portraitApi.employeeWhy(employeeNo, element), [employeeNo]);

  if (!portrait)
    return (
      <PortraitUnavailable error={error} notBuilt={t('portrait.employee.notBuilt')} testId="employee-portrait-error" />
    );

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="employee-portrait">
      <Card
        title={t('portrait.employee.title')}
        extra={
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('portrait.computed', {
              at: dayjs(portrait.computedAt).format('YYYY-MM-DD HH:mm'),
              version: portrait.catalogVersion,
            })}
          </Typography.Text>
        }
        variant="borderless"
        size="small"
      >
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={10}>
            <Typography.Text strong>{t('portrait.employee.radar')}</Typography.Text>
            <PortraitGroupRadar
              groups={portrait.aspects}
              name={t('portrait.employee.radar')}
              meaning="strength"
              testId="employee-radar"
            />
          </Col>
          <Col xs={24} lg={14}>
            <Space orientation="vertical" size={12} style={{ width: '100%' }}>
              <StarRating stars={portrait.stars} />
              <LastOperation realtime={portrait.realtime} />
              <div>
                <Typography.Title level={5}>{t('portrait.strategies')}</Typography.Title>
                <PortraitStrategies strategies={portrait.strategies} onOpen={setOpened} />
              </div>
            </Space>
          </Col>
        </Row>
        <PortraitGroupPoints groups={portrait.aspects} onOpen={setOpened} testIdPrefix="employee" />
      </Card>
      <Card
        title={t('portrait.employee.complaints')}
        variant="borderless"
        size="small"
        data-testid="employee-complaints"
      >
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={10}>
            <Typography.Text strong>{t('portrait.employee.complaintsMonthly')}</Typography.Text>
            <EmployeeComplaintChart months={portrait.complaintHistory.months} />
          </Col>
          <Col xs={24} xl={14}>
            <Typography.Text strong>{t('portrait.employee.recentComplaints')}</Typography.Text>
            <WorkOrderTable orders={portrait.complaintHistory.recent} />
          </Col>
        </Row>
      </Card>
      <PortraitWhyDrawer element={opened} load={loadWhy} onClose={() => setOpened(null)} />
    </Space>
  );
}
