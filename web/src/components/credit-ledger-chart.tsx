import { Alert, Collapse, Empty, Space, Statistic, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api-client/endpoints.js';
import type { CreditReport } from '../api-client/types.js';
import { useApiData } from '../hooks/use-api-data.js';
import { CreditThirdPartyTable } from './credit-third-party.js';
import { type ChartOption, EChart } from './echart.js';
import { signed } from './portrait-format.js';

type Grade = CreditReport['grade'];
type MonthEvent = CreditReport['ledger'][number]['events'][number];
type ModelEvent = CreditReport['model']['events'][number];

/** Band colours, green (A) to red (E); the grade tag uses the same hue. */
const GRADE_COLOR: Record<Grade, string> = { A: '#52c41a', B: '#1677ff', C: '#faad14', D: '#fa8c16', E: '#f5222d' };

const deltaText = (n: number) => (
  <Typography.Text type={n < 0 ? 'danger' : n > 0 ? 'success' : 'secondary'}>{signed(n)}</Typography.Text>
);

/** The newest month whose events changed something; the newest month when none did. */
function latestWithEvents(ledger: CreditReport['ledger']): number {
  for (let i = ledger.length - 1; i >= 0; i--) if ((ledger[i]?.events.length ?? 0) > 0) return i;
  return ledger.length - 1;
}

export function CreditGradeTag({ grade }: { grade: Grade }) {
  const { t } = useTranslation();
  return <Tag color={GRADE_COLOR[grade]}>{t('credit.gradeLabel', { grade })}</Tag>;
}

/**
 * The credit grade explained (信用等级, C3): the score by month over the A–E bands, each
 * month's change as a bar, and the events behind the month clicked (the latest by default).
 */
export function CreditLedgerChart({ credit }: { credit: CreditReport }) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<number | null>(null);
  const ledger = credit.ledger;
  const index = picked === null ? latestWithEvents(ledger) : Math.min(picked, ledger.length - 1);
  const selected = ledger[index];

  const option = useMemo<ChartOption>(() => {
    const months = ledger.map((m) => m.month);
    return {
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: [t('credit.score'), t('credit.delta')] },
      // The score over the grade bands above, the month's change below, one month axis.
      grid: [
        { left: 44, right: 16, top: 32, height: '58%' },
        { left: 44, right: 16, bottom: 24, height: '18%' },
      ],
      xAxis: [
        { type: 'category', data: months, gridIndex: 0, axisLabel: { show: false } },
        { type: 'category', data: months, gridIndex: 1 },
      ],
      yAxis: [
        {
          type: 'value',
          gridIndex: 0,
          min: credit.model.min,
          max: credit.model.max,
          interval: 20,
          splitLine: { show: false },
        },
        { type: 'value', gridIndex: 1, splitNumber: 2, splitLine: { lineStyle: { type: 'dashed' } } },
      ],
      series: [
        {
          name: t('credit.score'),
          type: 'line',
          data: ledger.map((m) => m.scoreAfter),
          itemStyle: { color: '#262626' },
          markArea: {
            silent: true,
            label: { position: 'insideLeft', color: '#8c8c8c' },
            data: credit.model.grades.map((band) => [
              { name: band.grade, yAxis: band.min, itemStyle: { color: GRADE_COLOR[band.grade], opacity: 0.1 } },
              { yAxis: band.grade === 'A' ? credit.model.max : band.max + 1 },
            ]),
          },
        },
        {
          name: t('credit.delta'),
          type: 'bar',
          xAxisIndex: 1,
          yAxisIndex: 1,
          barMaxWidth: 14,
          itemStyle: { color: '#8c8c8c' },
          data: ledger.map((m, i) => ({
            value: m.delta,
            itemStyle: { color: m.delta < 0 ? '#f5222d' : '#52c41a', opacity: i === index ? 1 : 0.5 },
          })),
        },
      ],
    } as ChartOption;
  }, [credit, ledger, index, t]);

  const eventColumns: TableColumnsType<MonthEvent> = [
    { title: t('credit.event'), dataIndex: 'name' },
    { title: t('credit.count'), dataIndex: 'count', width: 72, align: 'right' },
    { title: t('credit.points'), dataIndex: 'delta', width: 72, align: 'right', render: deltaText },
  ];
  const modelColumns: TableColumnsType<ModelEvent> = [
    { title: t('credit.event'), dataIndex: 'name', width: 150 },
    { title: t('credit.points'), dataIndex: 'delta', width: 72, align: 'right', render: deltaText },
    { title: t('credit.rule'), dataIndex: 'rule' },
  ];

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="credit-ledger">
      <Space size={24} align="center" wrap>
        <Statistic title={t('credit.score')} value={credit.score} suffix={`/ ${credit.model.max}`} />
        <CreditGradeTag grade={credit.grade} />
        <Typography.Text type="secondary">
          {credit.month
            ? t('credit.asOf', { month: credit.month })
            : t('credit.noHistory', { score: credit.model.baseline })}
        </Typography.Text>
      </Space>
      {credit.stale && <Alert type="warning" showIcon message={t('credit.stale', { version: credit.modelVersion })} />}
      {ledger.length === 0 ? (
        <Empty description={t('credit.empty')} />
      ) : (
        <>
          <EChart option={option} testId="credit-ledger-chart" onClick={({ dataIndex }) => setPicked(dataIndex)} />
          {selected && (
            <Table<MonthEvent>
              size="small"
              rowKey="code"
              pagination={false}
              title={() => (
                <Space>
                  <Typography.Text strong>{t('credit.monthEvents', { month: selected.month })}</Typography.Text>
                  <span>
                    {selected.scoreBefore} → {selected.scoreAfter} ({signed(selected.delta)})
                  </span>
                  <CreditGradeTag grade={selected.grade} />
                </Space>
              )}
              columns={eventColumns}
              dataSource={selected.events}
              locale={{ emptyText: t('credit.noEvents') }}
            />
          )}
        </>
      )}
      {credit.thirdParty.length > 0 && <CreditThirdPartyTable records={credit.thirdParty} />}
      <Collapse
        size="small"
        items={[
          {
            key: 'model',
            label: t('credit.model', {
              version: credit.model.version,
              baseline: credit.model.baseline,
              cap: credit.model.monthlyGainCap,
            }),
            children: (
              <Table<ModelEvent>
                size="small"
                rowKey="code"
                pagination={false}
                columns={modelColumns}
                dataSource={credit.model.events}
              />
            ),
          },
        ]}
      />
    </Space>
  );
}

/** Loads the customer's credit report (in the UI language) and shows it. */
export function CustomerCreditLedger({ customerNo }: { customerNo: string }) {
  const { t, i18n } = useTranslation();
  const { data, loading } = useApiData(`${customerNo}|${i18n.language}`, () => api.customerCredit(customerNo));
  if (!data) return loading ? null : <Empty description={t('credit.empty')} />;
  return <CreditLedgerChart credit={data} />;
}
