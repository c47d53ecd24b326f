import {
  Alert,
  Button,
  Col,
  DatePicker,
  Form,
  InputNumber,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { QaBacktestResult, QaSchemeSummary } from '../../../src/api/contract.js';
import { qaApi } from '../api-client/qa-endpoints.js';
import { describeApiError } from '../session/describe-api-error.js';
import { QaBacktestHistogram, QaBacktestRuleChanges } from './qa-backtest-charts.js';
import { formatScore } from './qa-score-tag.js';

interface Values {
  period: [Dayjs, Dayjs];
  baselineVersion?: number;
  maxCalls: number;
}

type RuleRow = QaBacktestResult['rules'][number];
const stat = (n: number | null) => (n === null ? '—' : formatScore(Number(n.toFixed(1))));

/** Backtest (回测): the version shown against the live one (or another) over the calls of a period. */
export function QaBacktestPanel({
  scheme,
  version,
  disabledReason,
}: {
  scheme: QaSchemeSummary | null;
  version: number;
  /** Why a backtest cannot run now (unsaved changes); null when it can. */
  disabledReason: string | null;
}) {
  const { t } = useTranslation();
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<QaBacktestResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const code = scheme?.code ?? '';

  const run = async (values: Values) => {
    setRunning(true);
    setError(null);
    try {
      setResult(
        await qaApi.backtest({
          schemeCode: code,
          version,
          ...(values.baselineVersion ? { baselineVersion: values.baselineVersion } : {}),
          from: values.period[0].format('YYYY-MM-DD'),
          to: values.period[1].format('YYYY-MM-DD'),
          maxCalls: values.maxCalls,
        }),
      );
    } catch (failure) {
      setError(describeApiError(t, failure));
    } finally {
      setRunning(false);
    }
  };

  const ruleColumns = [
    {
      title: t('qa.recheck.rule'),
      key: 'rule',
      render: (_: unknown, row: RuleRow) => (
        <>
          {row.ruleName}{' '}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.ruleCode}
          </Typography.Text>
          {row.onlyIn && <Tag style={{ marginInlineStart: 4 }}>{t(`qa.backtest.onlyIn.${row.onlyIn}`)}</Tag>}
        </>
      ),
    },
    { title: t('qa.backtest.baselineHits'), dataIndex: 'baselineHits', width: 100, align: 'right' as const },
    { title: t('qa.backtest.candidateHits'), dataIndex: 'candidateHits', width: 100, align: 'right' as const },
    {
      title: t('qa.backtest.hitChange'),
      dataIndex: 'change',
      width: 90,
      align: 'right' as const,
      render: (n: number) => (
        <Typography.Text type={n > 0 ? 'danger' : n < 0 ? 'success' : 'secondary'}>
          {n > 0 ? `+${n}` : n}
        </Typography.Text>
      ),
    },
  ];

  return (
    <div data-testid="qa-backtest-panel">
      <Form<Values>
        layout="inline"
        onFinish={run}
        initialValues={{ period: [dayjs().subtract(3, 'month').startOf('month'), dayjs()], maxCalls: 2000 }}
        style={{ rowGap: 8 }}
      >
        <Form.Item name="period" label={t('qa.filters.period')} rules={[{ required: true }]}>
          <DatePicker.RangePicker />
        </Form.Item>
        <Form.Item name="baselineVersion" label={t('qa.backtest.baseline')}>
          <Select
            allowClear
            style={{ width: 160 }}
            placeholder={t('qa.backtest.liveDefault')}
            options={(scheme?.versions ?? [])
              .filter((v) => v.version !== version)
              .map((v) => ({ value: v.version, label: `v${v.version} · ${t(`qa.schemes.statuses.${v.status}`)}` }))}
          />
        </Form.Item>
        <Form.Item name="maxCalls" label={t('qa.backtest.maxCalls')}>
          <InputNumber min={1} max={20000} style={{ width: 100 }} />
        </Form.Item>
        <Form.Item>
          <Button
            htmlType="submit"
            type="primary"
            loading={running}
            disabled={disabledReason !== null}
            data-testid="qa-backtest-run"
          >
            {t('qa.backtest.run')}
          </Button>
        </Form.Item>
      </Form>
      {disabledReason && <Typography.Text type="secondary">{disabledReason}</Typography.Text>}
      {error && <Alert type="error" showIcon message={error} style={{ marginTop: 12 }} />}
      {result && (
        <Space direction="vertical" size={12} style={{ width: '100%', marginTop: 16 }} data-testid="qa-backtest-result">
          {result.truncated && (
            <Alert type="info" showIcon message={t('qa.backtest.truncated', { calls: result.calls })} />
          )}
          <Row gutter={16}>
            <Col span={4}>
              <Statistic title={t('qa.backtest.calls')} value={result.calls} />
            </Col>
            <Col span={4}>
              <Statistic title={t('qa.backtest.changedCalls')} value={result.changedCalls} />
            </Col>
            <Col span={8}>
              <Statistic
                title={t('qa.backtest.meanScore')}
                value={`${stat(result.scores.baseline.mean)} → ${stat(result.scores.candidate.mean)}`}
              />
            </Col>
            <Col span={8}>
              <Statistic
                title={t('qa.backtest.belowPass')}
                value={`${result.scores.baseline.belowPass} → ${result.scores.candidate.belowPass}`}
              />
            </Col>
          </Row>
          <Row gutter={16}>
            <Col xs={24} xl={12}>
              <Typography.Text strong>{t('qa.backtest.distribution')}</Typography.Text>
              <QaBacktestHistogram result={result} />
            </Col>
            <Col xs={24} xl={12}>
              <Typography.Text strong>{t('qa.backtest.ruleChanges')}</Typography.Text>
              <QaBacktestRuleChanges result={result} />
              {result.biggestChanges.length > 0 && (
                <div style={{ marginTop: 8 }}>
                  <Typography.Text strong>{t('qa.backtest.biggest')}</Typography.Text>
                  <div>
                    {result.biggestChanges.map((change) => (
                      <Tag key={change.callId} style={{ marginTop: 4 }}>
                        <Link to={`/qa/calls/${encodeURIComponent(change.callId)}`}>{change.callId}</Link>{' '}
                        {formatScore(change.baselineScore)} → {formatScore(change.candidateScore)}
                      </Tag>
                    ))}
                  </div>
                </div>
              )}
            </Col>
          </Row>
          <Table<RuleRow>
            size="small"
            rowKey="ruleCode"
            columns={ruleColumns}
            dataSource={result.rules.filter((rule) => rule.baselineHits + rule.candidateHits > 0)}
            pagination={{ pageSize: 10, showSizeChanger: false }}
          />
        </Space>
      )}
    </div>
  );
}
