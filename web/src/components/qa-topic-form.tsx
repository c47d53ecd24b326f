import { Alert, DatePicker, Form, Input, Modal, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { QaSchemeSummary, QaTopic, QaTopicRequest } from '../../../src/api/contract.js';
import { qaApi } from '../api-client/qa-endpoints.js';
import { useDialogSave } from '../hooks/use-dialog-save.js';
import { useVocabulary } from '../session/vocabulary-context.js';
import { QaOrgUnitSelect } from './qa-org-unit-select.js';
import { parseVersionKey, QaSchemeVersionSelect, usePreselectLiveVersion } from './qa-scheme-version-select.js';

interface Values {
  name: string;
  description?: string;
  version: string;
  period: [Dayjs, Dayjs];
  workOrderTopics?: string[];
  workOrderTypes?: string[];
  keywords?: string[];
  orgUnitId?: string;
}

function toRequest(v: Values): QaTopicRequest {
  const scheme = parseVersionKey(v.version);
  return {
    name: v.name.trim(),
    ...(v.description?.trim() ? { description: v.description.trim() } : {}),
    schemeCode: scheme.code,
    version: scheme.version,
    from: v.period[0].format('YYYY-MM-DD'),
    to: v.period[1].format('YYYY-MM-DD'),
    filter: {
      workOrderTopics: v.workOrderTopics ?? [],
      workOrderTypes: v.workOrderTypes ?? [],
      keywords: (v.keywords ?? []).map((word) => word.trim()).filter((word) => word.length > 0),
      ...(v.orgUnitId ? { orgUnitId: v.orgUnitId } : {}),
    },
  };
}

/** 新建专题: name, published scheme version, period and which calls (topics, order types, words, unit). */
export function QaTopicForm({
  open,
  schemes,
  onClose,
  onCreated,
}: {
  open: boolean;
  schemes: QaSchemeSummary[];
  onClose: () => void;
  onCreated: (topic: QaTopic) => void;
}) {
  const { t } = useTranslation();
  const { options } = useVocabulary();
  const [form] = Form.useForm<Values>();
  const { saving, error, submit } = useDialogSave(
    form,
    (values: Values) => qaApi.createTopic(toRequest(values)),
    onCreated,
  );

  usePreselectLiveVersion(form, schemes, open);
  const initial: Partial<Values> = {
    period: [dayjs().subtract(1, 'month').startOf('month'), dayjs().subtract(1, 'month').endOf('month')],
  };
  const multi = { mode: 'multiple' as const, allowClear: true, optionFilterProp: 'label', style: { minWidth: 260 } };
  return (
    <Modal
      open={open}
      title={t('qa.topics.create')}
      onOk={submit}
      confirmLoading={saving}
      onCancel={onClose}
      width={680}
      destroyOnHidden
      data-testid="qa-topic-form"
    >
      <Form<Values> form={form} layout="vertical" initialValues={initial}>
        <Form.Item
          name="name"
          label={t('qa.topics.name')}
          rules={[{ required: true, whitespace: true, message: t('qa.topics.nameRequired') }]}
        >
          <Input maxLength={120} placeholder={t('qa.topics.namePlaceholder')} data-testid="qa-topic-name" />
        </Form.Item>
        <Form.Item name="description" label={t('qa.topics.description')}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
        <Space size={16} wrap align="start">
          <Form.Item
            name="version"
            label={t('qa.topics.scheme')}
            tooltip={t('qa.topics.schemeHint')}
            rules={[{ required: true, message: t('qa.jobs.versionRequired') }]}
          >
            <QaSchemeVersionSelect schemes={schemes} testId="qa-topic-version" />
          </Form.Item>
          <Form.Item
            name="period"
            label={t('qa.filters.period')}
            rules={[{ required: true, message: t('qa.jobs.periodRequired') }]}
          >
            <DatePicker.RangePicker data-testid="qa-topic-period" />
          </Form.Item>
        </Space>
        <Typography.Text strong>{t('qa.topics.filter')}</Typography.Text>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('qa.topics.filterHint')}
        </Typography.Paragraph>
        <Space size={16} wrap align="start">
          <Form.Item name="workOrderTopics" label={t('qa.topics.workOrderTopics')}>
            <Select {...multi} options={options('topics')} />
          </Form.Item>
          <Form.Item name="workOrderTypes" label={t('qa.topics.workOrderTypes')}>
            <Select {...multi} options={options('workOrderTypes')} />
          </Form.Item>
          <Form.Item name="keywords" label={t('qa.topics.keywords')} tooltip={t('qa.topics.keywordsHint')}>
            <Select mode="tags" open={false} allowClear style={{ minWidth: 260 }} tokenSeparators={[',', '，']} />
          </Form.Item>
          <Form.Item name="orgUnitId" label={t('qa.topics.unit')}>
            <QaOrgUnitSelect />
          </Form.Item>
        </Space>
      </Form>
      {error && <Alert type="error" showIcon message={error} style={{ marginTop: 12 }} />}
    </Modal>
  );
}
