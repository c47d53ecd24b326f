import { Button, Card, DatePicker, Form, Select, Table, type TableColumnsType, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import type { QaChainFinding } from '../../../src/api/contract.js';
import { type QaChainFindingsQuery, qaApi } from '../api-client/qa-endpoints.js';
import { QaChainEvidenceList } from '../components/qa-chain-evidence.js';
import { QaPoints } from '../components/qa-score-tag.js';
import { serverPagination } from '../components/server-pagination.js';
import { useApiData } from '../hooks/use-api-data.js';

const PAGE_SIZE = 20;
type ChainRule = QaChainFinding['ruleCode'];
const RULES: ChainRule[] = ['chain.closed_without_contact', 'chain.reply_contradicts_field', 'chain.sla_missed'];
const RULE_COLOR: Record<ChainRule, string> = {
  'chain.closed_without_contact': 'volcano',
  'chain.reply_contradicts_field': 'red',
  'chain.sla_missed': 'orange',
};
/** i18next reads dots as nesting, so the rule text is keyed by the code after `chain.`. */
const ruleKey = (code: ChainRule) => `qa.chain.rules.${code.slice('chain.'.length)}`;

interface FormValues {
  period: [Dayjs, Dayjs];
  rule?: ChainRule | undefined;
}

/** Without a period in the URL: last month, when a month's orders have mostly run their course. */
function queryOf(params: URLSearchParams, page: number): QaChainFindingsQuery {
  const lastMonth = dayjs().subtract(1, 'month');
  const rule = params.get('rule') as ChainRule | null;
  return {
    from: params.get('from') || lastMonth.startOf('month').format('YYYY-MM-DD'),
    to: params.get('to') || lastMonth.endOf('month').format('YYYY-MM-DD'),
    ...(rule && RULES.includes(rule) ? { rule } : {}),
    page,
    pageSize: PAGE_SIZE,
  };
}

/**
 * 全链路质检: findings over whole case chains (call → work order → dispatch → field feedback →
 * callback) of the orders created in a period, each with its evidence and the case chain to open.
 */
export default function QaChainPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page') ?? '1') || 1;
  const query = queryOf(params, page);
  const { data, loading } = useApiData(JSON.stringify(query), () => qaApi.chainFindings(query));
  useEffect(
    () => form.setFieldsValue({ period: [dayjs(query.from), dayjs(query.to)], rule: query.rule }),
    [form, query.from, query.to, query.rule],
  );

  const go = (values: { from: string; to: string; rule?: ChainRule | undefined }, next = 1) =>
    setParams({
      from: values.from,
      to: values.to,
      ...(values.rule ? { rule: values.rule } : {}),
      ...(next > 1 ? { page: String(next) } : {}),
    });

  const columns: TableColumnsType<QaChainFinding> = [
    {
      title: t('qa.chain.rule'),
      dataIndex: 'ruleCode',
      width: 190,
      render: (code: ChainRule) => (
        <span data-testid="qa-chain-rule" data-rule={code}>
          <Tag color={RULE_COLOR[code]}>{t(ruleKey(code))}</Tag>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {code}
          </Typography.Text>
        </span>
      ),
    },
    {
      title: t('qa.points'),
      dataIndex: 'points',
      width: 70,
      align: 'right',
      render: (points: number) => <QaPoints points={points} />,
    },
    {
      title: t('qa.chain.order'),
      key: 'order',
      width: 200,
      render: (_, row) => (
        <>
          <div>{row.orderNo}</div>
          <Link to={`/cases/${encodeURIComponent(row.caseId)}`} data-testid="qa-chain-case-link">
            {t('qa.chain.openCase')}
          </Link>
        </>
      ),
    },
    {
      title: t('qa.chain.responsible'),
      key: 'responsible',
      width: 130,
      render: (_, row) =>
        row.responsible ? (
          <>
            {row.responsible.name}
            <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 4 }}>
              {row.responsible.employeeNo}
            </Typography.Text>
          </>
        ) : (
          t('common.none')
        ),
    },
    {
      title: t('qa.chain.explanation'),
      key: 'why',
      render: (_, row) => (
        <>
          <div data-testid="qa-chain-explanation">{row.explanation}</div>
          <QaChainEvidenceList evidence={row.evidence} />
        </>
      ),
    },
  ];

  return (
    <Card title={t('qa.menu.chain')} variant="borderless">
      <Typography.Paragraph type="secondary">{t('qa.chain.intro')}</Typography.Paragraph>
      <Form<FormValues>
        form={form}
        layout="inline"
        onFinish={(values) =>
          go({
            from: values.period[0].format('YYYY-MM-DD'),
            to: values.period[1].format('YYYY-MM-DD'),
            rule: values.rule,
          })
        }
        style={{ rowGap: 8, marginBottom: 12 }}
        data-testid="qa-chain-filters"
      >
        <Form.Item name="period" label={t('qa.filters.period')} rules={[{ required: true }]}>
          <DatePicker.RangePicker allowClear={false} />
        </Form.Item>
        <Form.Item name="rule" label={t('qa.chain.rule')}>
          <Select
            allowClear
            style={{ width: 220 }}
            placeholder={t('qa.chain.allRules')}
            options={RULES.map((code) => ({ value: code, label: t(ruleKey(code)) }))}
          />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            {t('common.search')}
          </Button>
        </Form.Item>
      </Form>
      <Table<QaChainFinding>
        rowKey={(row) => `${row.orderNo}|${row.ruleCode}`}
        size="small"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        locale={{ emptyText: t('qa.chain.empty') }}
        data-testid="qa-chain-table"
        pagination={serverPagination(t, page, PAGE_SIZE, data?.total ?? 0, (next) => go(query, next))}
      />
    </Card>
  );
}
