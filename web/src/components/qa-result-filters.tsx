import { Button, Checkbox, DatePicker, Form, Input, InputNumber, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { QaRuleSummary } from '../../../src/api/contract.js';
import { QaOrgUnitSelect } from './qa-org-unit-select.js';

/** The workbench filters as the URL keeps them (strings; empty = not filtered). */
export interface QaQueueFilters {
  from?: string;
  to?: string;
  minScore?: number;
  maxScore?: number;
  rule?: string;
  agent?: string;
  orgUnit?: string;
  flaggedOnly: boolean;
}

interface FormValues {
  period?: [Dayjs, Dayjs] | null;
  minScore?: number | null;
  maxScore?: number | null;
  rule?: string;
  agent?: string;
  orgUnit?: string;
  flaggedOnly: boolean;
}

const toForm = (f: QaQueueFilters): FormValues => ({
  period: f.from && f.to ? [dayjs(f.from), dayjs(f.to)] : null,
  minScore: f.minScore ?? null,
  maxScore: f.maxScore ?? null,
  ...(f.rule ? { rule: f.rule } : {}),
  ...(f.agent ? { agent: f.agent } : {}),
  ...(f.orgUnit ? { orgUnit: f.orgUnit } : {}),
  flaggedOnly: f.flaggedOnly,
});

function fromForm(v: FormValues): QaQueueFilters {
  const filters: QaQueueFilters = { flaggedOnly: v.flaggedOnly };
  if (v.period) {
    filters.from = v.period[0].format('YYYY-MM-DD');
    filters.to = v.period[1].format('YYYY-MM-DD');
  }
  if (typeof v.minScore === 'number') filters.minScore = v.minScore;
  if (typeof v.maxScore === 'number') filters.maxScore = v.maxScore;
  if (v.rule) filters.rule = v.rule;
  if (v.agent?.trim()) filters.agent = v.agent.trim();
  if (v.orgUnit) filters.orgUnit = v.orgUnit;
  return filters;
}

/** Score range, rule, agent, team, period and "flagged only" for the QA queue. */
export function QaResultFilters({
  value,
  rules,
  onChange,
}: {
  value: QaQueueFilters;
  rules: QaRuleSummary[];
  onChange: (filters: QaQueueFilters) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  useEffect(() => form.setFieldsValue(toForm(value)), [form, value]);

  return (
    <Form<FormValues>
      form={form}
      layout="inline"
      initialValues={toForm(value)}
      onFinish={(values) => onChange(fromForm(values))}
      style={{ rowGap: 8, marginBottom: 12 }}
      data-testid="qa-filters"
    >
      <Form.Item name="period" label={t('qa.filters.period')}>
        <DatePicker.RangePicker allowEmpty={[false, false]} />
      </Form.Item>
      <Form.Item label={t('qa.filters.score')}>
        <Space.Compact>
          <Form.Item name="minScore" noStyle>
            <InputNumber min={0} max={100} placeholder={t('qa.filters.min')} style={{ width: 80 }} />
          </Form.Item>
          <Form.Item name="maxScore" noStyle>
            <InputNumber min={0} max={100} placeholder={t('qa.filters.max')} style={{ width: 80 }} />
          </Form.Item>
        </Space.Compact>
      </Form.Item>
      <Form.Item name="rule" label={t('qa.filters.rule')}>
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          style={{ width: 240 }}
          popupMatchSelectWidth={false}
          placeholder={t('qa.filters.rulePlaceholder')}
          options={rules.map((rule) => ({ value: rule.code, label: `${rule.name} (${rule.code})` }))}
          data-testid="qa-filter-rule"
        />
      </Form.Item>
      <Form.Item name="agent" label={t('qa.filters.agent')}>
        <Input allowClear placeholder={t('qa.filters.agentPlaceholder')} style={{ width: 140 }} />
      </Form.Item>
      <Form.Item name="orgUnit" label={t('qa.filters.team')}>
        <QaOrgUnitSelect testId="qa-filter-org" />
      </Form.Item>
      <Form.Item name="flaggedOnly" valuePropName="checked">
        <Checkbox data-testid="qa-filter-flagged">{t('qa.filters.flaggedOnly')}</Checkbox>
      </Form.Item>
      <Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" data-testid="qa-filter-submit">
            {t('common.search')}
          </Button>
          <Button onClick={() => onChange({ flaggedOnly: true })}>{t('common.reset')}</Button>
        </Space>
      </Form.Item>
    </Form>
  );
}
