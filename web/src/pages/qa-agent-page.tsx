import { Card, Col, DatePicker, Descriptions, Empty, List, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import type { QaAgentPortrait } from '../../../src/api/contract.js';
import { qaApi } from '../api-client/qa-endpoints.js';
import { ApiErrorResult } from '../components/api-error-result.js';
import { PageSpinner } from '../components/page-spinner.js';
import { QaCategoryRadar, QaScoreTrendChart } from '../components/qa-agent-charts.js';
import { formatScore, QaPoints } from '../components/qa-score-tag.js';
import { useApiData } from '../hooks/use-api-data.js';

type TopDeduction = QaAgentPortrait['topDeductions'][number];
const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
const mean = (score: number | null) => (score === null ? '—' : formatScore(Number(score.toFixed(1))));

/** 坐席质检画像 (E2): score trend, strengths and weaknesses by category, frequent deductions, training. */
export default function QaAgentPage() {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  const employeeNo = useParams().employeeNo ?? '';
  const [params, setParams] = useSearchParams();
  const period = {
    ...(params.get('from') ? { from: params.get('from') ?? '' } : {}),
    ...(params.get('to') ? { to: params.get('to') ?? '' } : {}),
  };
  const { data, loading, error } = useApiData(`${employeeNo}|${JSON.stringify(period)}`, () =>
    qaApi.agentPortrait(employeeNo, period),
  );
  if (loading && !data) return <PageSpinner />;
  if (!data) return <ApiErrorResult error={error} />;
  const nameOf = (code: string) => data.categories.find((c) => c.category === code)?.name ?? code;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="qa-agent-portrait">
      <Card variant="borderless">
        <Space align="center" wrap style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }}>
          <Space align="center" wrap>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('qa.portrait.title', { name: data.agent.name })}
            </Typography.Title>
            <Tag>{data.agent.employeeNo}</Tag>
            <Link to={`/employees/${encodeURIComponent(data.agent.employeeNo)}`}>{t('employee.profile')}</Link>
            <Link to={`/qa?all=1&agent=${encodeURIComponent(data.agent.employeeNo)}`}>{t('qa.portrait.results')}</Link>
          </Space>
          <DatePicker.RangePicker
            picker="month"
            value={[dayjs(data.from), dayjs(data.to)]}
            onChange={(range) =>
              range?.[0] && range[1]
                ? setParams({
                    from: range[0].startOf('month').format('YYYY-MM-DD'),
                    to: range[1].endOf('month').format('YYYY-MM-DD'),
                  })
                : setParams({})
            }
          />
        </Space>
        <Row gutter={16}>
          <Col xs={24} lg={12}>
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'org', label: t('qa.columns.team'), children: data.agent.orgUnit.name },
                { key: 'hire', label: t('employee.hireDate'), children: data.agent.hireDate ?? t('common.none') },
                { key: 'period', label: t('qa.filters.period'), children: `${data.from} ~ ${data.to}` },
              ]}
            />
          </Col>
          <Col xs={8} lg={4}>
            <Statistic title={t('qa.portrait.calls')} value={data.calls} />
          </Col>
          <Col xs={8} lg={4}>
            <Statistic title={t('qa.portrait.meanScore')} value={mean(data.meanScore)} />
          </Col>
          <Col xs={8} lg={4}>
            <Statistic title={t('qa.portrait.teamMean')} value={mean(data.teamMeanScore)} />
          </Col>
        </Row>
      </Card>
      {data.calls === 0 ? (
        <Card variant="borderless">
          <Empty description={t('qa.portrait.noCalls')} />
        </Card>
      ) : (
        <>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={14}>
              <Card title={t('qa.portrait.trend')} variant="borderless" size="small">
                <QaScoreTrendChart portrait={data} />
              </Card>
            </Col>
            <Col xs={24} xl={10}>
              <Card title={t('qa.portrait.byCategory')} variant="borderless" size="small">
                <QaCategoryRadar portrait={data} />
                <Space wrap size={4}>
                  {data.strengths.map((code) => (
                    <Tag key={code} color="green" data-testid="qa-strength">
                      {t('qa.portrait.strength')}: {nameOf(code)}
                    </Tag>
                  ))}
                  {data.weaknesses.map((code) => (
                    <Tag key={code} color="red" data-testid="qa-weakness">
                      {t('qa.portrait.weakness')}: {nameOf(code)}
                    </Tag>
                  ))}
                </Space>
              </Card>
            </Col>
          </Row>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={14}>
              <Card title={t('qa.portrait.topDeductions')} variant="borderless" size="small">
                <Table<TopDeduction>
                  size="small"
                  rowKey="ruleCode"
                  pagination={false}
                  dataSource={data.topDeductions}
                  columns={[
                    {
                      title: t('qa.recheck.rule'),
                      key: 'rule',
                      render: (_, row) => (
                        <Link
                          to={`/qa?all=1&agent=${encodeURIComponent(data.agent.employeeNo)}&rule=${encodeURIComponent(row.ruleCode)}`}
                        >
                          {row.ruleName}
                        </Link>
                      ),
                    },
                    { title: t('qa.category'), dataIndex: 'category', width: 100, render: nameOf },
                    { title: t('qa.portrait.hits'), dataIndex: 'hits', width: 70, align: 'right' },
                    {
                      title: t('qa.portrait.callShare'),
                      dataIndex: 'callShare',
                      width: 90,
                      align: 'right',
                      render: percent,
                    },
                    {
                      title: t('qa.portrait.pointsTotal'),
                      dataIndex: 'points',
                      width: 70,
                      align: 'right',
                      render: (points: number) => <QaPoints points={points} />,
                    },
                  ]}
                />
              </Card>
            </Col>
            <Col xs={24} xl={10}>
              <Card title={t('qa.portrait.recommendations')} variant="borderless" size="small">
                <List
                  size="small"
                  dataSource={data.recommendations}
                  locale={{ emptyText: t('qa.portrait.noRecommendations') }}
                  data-testid="qa-recommendations"
                  renderItem={(item) => (
                    <List.Item key={`${item.category}|${item.ruleCode ?? ''}`} style={{ display: 'block' }}>
                      <Tag>{nameOf(item.category)}</Tag>
                      {english ? item.en : item.zh}
                      <div>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {t('qa.why')}: {item.why}
                        </Typography.Text>
                      </div>
                    </List.Item>
                  )}
                />
              </Card>
            </Col>
          </Row>
        </>
      )}
    </Space>
  );
}
