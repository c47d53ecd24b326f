import { Alert, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { QaSamplingPlan, QaSamplingPlanRequest } from '../../../src/api/contract.js';
import { qaApi } from '../api-client/qa-endpoints.js';
import { useDialogSave } from '../hooks/use-dialog-save.js';
import { QaOrgUnitSelect } from './qa-org-unit-select.js';

interface Values {
  name: string;
  orgUnit?: string;
  period: [Dayjs, Dayjs];
  randomPercent: number;
  lowScoreBelow?: number | null;
  angryCustomer: boolean;
  longCallMinutes?: number | null;
  complaintCalls: boolean;
  newAgentMonths?: number | null;
  maxRiskPerAgent?: number | null;
}

const initial: Partial<Values> = {
  period: [dayjs().subtract(1, 'month').startOf('month'), dayjs().subtract(1, 'month').endOf('month')],
  randomPercent: 2,
  lowScoreBelow: 80,
  angryCustomer: true,
  longCallMinutes: 10,
  complaintCalls: true,
  newAgentMonths: 3,
  maxRiskPerAgent: 5,
};

function toRequest(v: Values): QaSamplingPlanRequest {
  const number = (n: number | null | undefined) => (typeof n === 'number' ? n : null);
  return {
    name: v.name.trim(),
    ...(v.orgUnit ? { orgUnit: v.orgUnit } : {}),
    from: v.period[0].format('YYYY-MM-DD'),
    to: v.period[1].format('YYYY-MM-DD'),
    randomShare: v.randomPercent / 100,
    risk: {
      lowScoreBelow: number(v.lowScoreBelow),
      angryCustomer: v.angryCustomer,
      longCallMinutes: number(v.longCallMinutes),
      complaintCalls: v.complaintCalls,
      newAgentMonths: number(v.newAgentMonths),
    },
    ...(typeof v.maxRiskPerAgent === 'number' ? { maxRiskPerAgent: v.maxRiskPerAgent } : {}),
  };
}

/** A sampling plan (抽检计划): a random share of the period's calls plus the risk-based picks. */
export function QaSamplingPlanForm({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (plan: QaSamplingPlan) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { saving, error, submit } = useDialogSave(
    form,
    (values: Values) => qaApi.createSamplingPlan(toRequest(values)),
    onCreated,
  );

  const off = t('qa.sampling.offWhenEmpty');
  return (
    <Modal
      open={open}
      title={t('qa.sampling.create')}
      onOk={submit}
      confirmLoading={saving}
      onCancel={onClose}
      width={640}
      destroyOnHidden
      data-testid="qa-sampling-form"
    >
      <Form<Values> form={form} layout="vertical" initialValues={initial}>
        <Form.Item
          name="name"
          label={t('qa.sampling.name')}
          rules={[{ required: true, whitespace: true, message: t('qa.sampling.nameRequired') }]}
        >
          <Input maxLength={120} placeholder={t('qa.sampling.namePlaceholder')} data-testid="qa-sampling-name" />
        </Form.Item>
        <Space size={16} wrap>
          <Form.Item name="period" label={t('qa.filters.period')} rules={[{ required: true }]}>
            <DatePicker.RangePicker />
          </Form.Item>
          <Form.Item name="orgUnit" label={t('qa.filters.team')}>
            <QaOrgUnitSelect />
          </Form.Item>
        </Space>
        <Form.Item name="randomPercent" label={t('qa.sampling.randomShare')} rules={[{ required: true }]}>
          <InputNumber min={0} max={100} step={0.5} addonAfter="%" style={{ width: 160 }} />
        </Form.Item>
        <Typography.Text strong>{t('qa.sampling.risk')}</Typography.Text>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('qa.sampling.riskHint')}
        </Typography.Paragraph>
        <Space size={16} wrap>
          <Form.Item name="lowScoreBelow" label={t('qa.sampling.lowScoreBelow')} tooltip={off}>
            <InputNumber min={1} max={100} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="longCallMinutes" label={t('qa.sampling.longCallMinutes')} tooltip={off}>
            <InputNumber min={1} max={240} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="newAgentMonths" label={t('qa.sampling.newAgentMonths')} tooltip={off}>
            <InputNumber min={1} max={60} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="maxRiskPerAgent" label={t('qa.sampling.maxRiskPerAgent')} tooltip={off}>
            <InputNumber min={1} max={1000} style={{ width: 120 }} />
          </Form.Item>
        </Space>
        <Space size={16} wrap>
          <Form.Item name="angryCustomer" valuePropName="checked" noStyle>
            <Checkbox>{t('qa.sampleReasons.angry_customer')}</Checkbox>
          </Form.Item>
          <Form.Item name="complaintCalls" valuePropName="checked" noStyle>
            <Checkbox>{t('qa.sampleReasons.complaint')}</Checkbox>
          </Form.Item>
        </Space>
      </Form>
      {error && <Alert type="error" showIcon message={error} style={{ marginTop: 12 }} />}
    </Modal>
  );
}
