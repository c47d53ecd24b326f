import { Card, Col, Empty, Progress, Row, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type AreaKind,
  type AreaPortrait,
  type PortraitElement,
  portraitApi,
} from '../api-client/portrait-endpoints.js';
import { useApiData } from '../hooks/use-api-data.js';
import { GRADE_COLORS, signed, usePickName } from './portrait-format.js';
import { PortraitGroupPoints } from './portrait-group-points.js';
import { PortraitGroupRadar } from './portrait-group-radar.js';
import { PortraitStrategies } from './portrait-strategies.js';
import { PortraitUnavailable } from './portrait-unavailable.js';
import { PortraitWhyDrawer } from './portrait-why-drawer.js';

/** 服务风险分 with its hot-zone level and the rows of the points table that fired; a click explains it. */
function ServiceRisk({ risk, onOpen }: { risk: AreaPortrait['risk']; onOpen: (element: PortraitElement) => void }) {
  const { t } = useTranslation();
  const pick = usePickName();
  return (
    <div data-testid="area-risk" data-score={risk.score ?? ''}>
      <Space size={12} align="center" wrap>
        <Typography.Text type="secondary">{t('portrait.area.risk')}</Typography.Text>
        <Typography.Link strong style={{ fontSize: 24 }} onClick={() => onOpen('score:service_risk')}>
          {risk.score === null ? '—' : Math.round(risk.score)}
        </Typography.Link>
        <Progress percent={Math.min(100, risk.score ?? 0)} showInfo={false} size="small" style={{ width: 120 }} />
        <Typography.Text type="secondary">{t('portrait.area.level')}</Typography.Text>
        <Tag
          color={GRADE_COLORS.hot_zone_level?.[risk.level ?? ''] ?? 'default'}
          style={{ cursor: 'pointer' }}
          onClick={() => onOpen('grade:hot_zone_level')}
          data-testid="area-level"
        >
          {risk.levelName ? pick(risk.levelName) : '—'}
        </Tag>
      </Space>
      <div style={{ marginTop: 8 }}>
        <Typography.Text type="secondary">{t('portrait.area.reasons')}：</Typography.Text>
        {risk.reasons.length === 0 ? (
          <Typography.Text type="secondary">{t('portrait.area.noReasons')}</Typography.Text>
        ) : (
          risk.reasons.map((r) => (
            <Tag key={r.reason.en} color="volcano" style={{ marginBottom: 4 }} data-testid="area-risk-reason">
              {pick(r.reason)} {signed(r.points)}
            </Tag>
          ))
        )}
      </div>
    </div>
  );
}

/**
 * 区域画像 (E4, E5) of a transformer area, feeder, grid or supply station: the service-risk
 * score with its reasons and hot-zone level, the five risk dimensions as a radar, strategies
 * for the unit's managers, and the statistic points and tags per dimension (why in a drawer).
 */
export function AreaPortraitSection({ kind, id }: { kind: AreaKind; id: string }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState<PortraitElement | null>(null);
  const { data: portrait, error } = useApiData(`area-portrait|${kind}|${id}`, () => portraitApi.areaPortrait(kind, id));
  const loadWhy = useCallback((element: PortraitElement) => portraitApi.areaWhy(kind, id, element), [kind, id]);

  if (!portrait)
    return <PortraitUnavailable error={error} notBuilt={t('portrait.area.notBuilt')} testId="area-portrait-error" />;

  const { area } = portrait;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="area-portrait">
      <Card
        title={
          <Space orientation="vertical" size={0}>
            <span data-testid="area-name">{area.name}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
              {t('portrait.area.kindAndUnit', {
                kind: t(`portrait.hotZones.kinds.${area.kind}`),
                id: area.id,
                unit: area.orgUnit.name,
              })}
            </Typography.Text>
          </Space>
        }
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
            <Typography.Text strong>{t('portrait.area.radar')}</Typography.Text>
            <PortraitGroupRadar
              groups={portrait.dimensions}
              name={t('portrait.area.radar')}
              meaning="risk"
              testId="area-radar"
            />
          </Col>
          <Col xs={24} lg={14}>
            <Space orientation="vertical" size={12} style={{ width: '100%' }}>
              <ServiceRisk risk={portrait.risk} onOpen={setOpened} />
              <div>
                <Typography.Title level={5}>{t('portrait.strategies')}</Typography.Title>
                {portrait.strategies.length === 0 ? (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('portrait.noStrategies')} />
                ) : (
                  <PortraitStrategies strategies={portrait.strategies} onOpen={setOpened} />
                )}
              </div>
            </Space>
          </Col>
        </Row>
        <PortraitGroupPoints groups={portrait.dimensions} onOpen={setOpened} testIdPrefix="area" />
      </Card>
      <PortraitWhyDrawer element={opened} load={loadWhy} onClose={() => setOpened(null)} />
    </Space>
  );
}
