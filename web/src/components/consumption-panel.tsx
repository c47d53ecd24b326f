import { Col, Descriptions, Empty, Row, Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../api-client/endpoints.js';
import type { ConsumptionReport, ConsumptionRule } from '../api-client/types.js';
import { useApiData } from '../hooks/use-api-data.js';
import { DailyUseChart, MonthlyVsPeersChart, TouShareChart } from './consumption-charts.js';

type Profile = NonNullable<ConsumptionReport['profile']>;
type Check = ConsumptionRule['checks'][number];

const OP: Record<string, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '==': '=', '!=': '≠', in: '∈' };
const TONE_COLOR = { warning: 'volcano', info: 'blue', positive: 'green' } as const;

function formatValue(value: Check['actual'] | Check['threshold']): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') return String(Math.round(value * 100) / 100);
  if (Array.isArray(value)) return value.join(' / ');
  return String(value);
}

/** Why a pattern or advice holds: its meaning, then each threshold with the actual value. */
function RuleReason({ rule }: { rule: ConsumptionRule }) {
  const { t } = useTranslation();
  return (
    <div>
      <div style={{ marginBottom: 4 }}>{rule.text}</div>
      <div style={{ opacity: 0.85 }}>{t('consumption.why')}</div>
      {rule.checks.map((c, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: checks are a fixed list per rule, never reordered
        <div key={i}>
          {c.passed ? '✓' : '✗'} {c.label}
          {c.op ? ` ${OP[c.op] ?? c.op} ${formatValue(c.threshold)}` : ''}
          {c.figure ? `（${t('consumption.actual')} ${formatValue(c.actual)}）` : ''}
        </div>
      ))}
    </div>
  );
}

function RuleTags({ rules, empty, color }: { rules: ConsumptionRule[]; empty: string; color?: string }) {
  if (rules.length === 0) return <Typography.Text type="secondary">{empty}</Typography.Text>;
  return (
    <Space size={[4, 8]} wrap>
      {rules.map((rule) => (
        <Tooltip key={rule.code} title={<RuleReason rule={rule} />}>
          <Tag color={color ?? TONE_COLOR[rule.tone ?? 'info']} data-testid={`consumption-${rule.code}`}>
            {rule.name}
          </Tag>
        </Tooltip>
      ))}
    </Space>
  );
}

function FigureSummary({ profile }: { profile: Profile }) {
  const { t } = useTranslation();
  const shown = [
    'avg_daily_kwh',
    'level_vs_peers',
    'trend_slope_pct',
    'seasonality',
    'zero_run_max_days',
    'recent_vs_peers',
    'power_factor_avg',
    'max_load_kw',
  ];
  const items = profile.figures
    .filter((f) => shown.includes(f.code) && f.value !== null)
    .map((f) => ({ key: f.code, label: f.name, children: `${formatValue(f.value)}${f.unit ? ` ${f.unit}` : ''}` }));
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, md: 2 }}
      // The panel is half a page wide: a long figure name must wrap, not squeeze its value
      // into a column one character wide.
      styles={{ content: { minWidth: 96 } }}
      items={[
        {
          key: 'level',
          label: t('consumption.level'),
          children: profile.levelBand ? <Tag>{profile.levelBand.name}</Tag> : '—',
        },
        {
          key: 'peers',
          label: t('consumption.peers'),
          children: profile.peerGroup === '*' ? t('consumption.peersAll') : t('consumption.peersArea'),
        },
        ...(profile.dropStartedOn
          ? [{ key: 'drop', label: t('consumption.dropStartedOn'), children: profile.dropStartedOn }]
          : []),
        ...(profile.lastReadOn
          ? [
              {
                key: 'read',
                label: t('consumption.lastReadOn'),
                children: (
                  <Space size={4} wrap>
                    <span data-testid="consumption-last-read">
                      {profile.areaReadUntil && profile.areaReadUntil > profile.lastReadOn
                        ? t('consumption.behindArea', { date: profile.lastReadOn, area: profile.areaReadUntil })
                        : profile.lastReadOn}
                    </span>
                    {profile.areaCollectionStopped && (
                      <Tag color="volcano" data-testid="consumption-area-stopped">
                        {t('consumption.areaStopped', {
                          area: profile.areaCollectionStopped.transformerAreaId,
                          days: profile.areaCollectionStopped.daysBehindCompany,
                        })}
                      </Tag>
                    )}
                  </Space>
                ),
              },
            ]
          : []),
        ...items,
      ]}
    />
  );
}

/**
 * 用电规律 (C4): consumption level, trend, seasons and abnormal use against the area's peers,
 * each pattern and advice with a tooltip saying which figures and thresholds produced it.
 */
export function ConsumptionPanel({ customerNo }: { customerNo: string }) {
  const { t, i18n } = useTranslation();
  const { data, loading } = useApiData(`${customerNo}|${i18n.language}`, () => api.customerConsumption(customerNo));
  if (!data) return loading ? null : <Empty description={t('consumption.empty')} />;
  const { profile } = data;
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="consumption-panel">
      {profile ? (
        <>
          <Typography.Text type="secondary">
            {t('consumption.asOf', { date: profile.asOf.slice(0, 10), version: profile.modelVersion })}
          </Typography.Text>
          <FigureSummary profile={profile} />
          <div>
            <Typography.Text strong>{t('consumption.patterns')}：</Typography.Text>
            <RuleTags rules={profile.patterns} empty={t('consumption.noPatterns')} />
          </div>
          <div>
            <Typography.Text strong>{t('consumption.advice')}：</Typography.Text>
            <RuleTags rules={profile.advice} empty={t('consumption.noAdvice')} color="green" />
          </div>
        </>
      ) : (
        <Typography.Text type="secondary">{t('consumption.notBuilt')}</Typography.Text>
      )}
      <div data-testid="consumption-daily">
        <Typography.Text strong>{t('consumption.daily')}</Typography.Text>
        <DailyUseChart daily={data.daily} />
      </div>
      <Row gutter={16}>
        <Col xs={24} lg={16} data-testid="consumption-monthly">
          <Typography.Text strong>{t('consumption.monthly')}</Typography.Text>
          <MonthlyVsPeersChart monthly={data.monthly} />
        </Col>
        <Col xs={24} lg={8} data-testid="consumption-tou">
          <Typography.Text strong>{t('consumption.tou')}</Typography.Text>
          {data.touShare ? <TouShareChart share={data.touShare} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
        </Col>
      </Row>
    </Space>
  );
}
