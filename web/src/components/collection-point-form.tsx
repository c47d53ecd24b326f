import { Alert, App, Form, Input, InputNumber, Modal, Radio, Select, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api-client/endpoints.js';
import { ApiError } from '../api-client/http.js';
import type { CollectionDetail, CollectionPoint, CollectionPointChange } from '../api-client/types.js';
import { describeApiError } from '../session/describe-api-error.js';

/** The same bounds the API checks (src/api/routes/collection-points.ts): up to one week. */
export const MAX_INTERVAL_MINUTES = 10_080;

interface FormValues {
  enabled: boolean;
  detail: CollectionDetail;
  attributes: string[];
  minIntervalMinutes: number | null;
  purpose: string;
}

interface Props {
  traceType: string;
  traceTypeLabel: string;
  /** The current collection point; null when the type is collected in full. */
  point: Omit<CollectionPoint, 'traceType'> | null;
  onClose(): void;
  onSaved(saved: CollectionPoint): void;
}

/** Edits one trace type's collection point; mounted only while open, so it starts from the saved values. */
export function CollectionPointForm({ traceType, traceTypeLabel, point, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const detail = Form.useWatch('detail', form);

  const initialValues: FormValues = {
    enabled: point?.enabled ?? true,
    detail: point?.detail ?? 'full',
    attributes: point?.attributes ?? [],
    minIntervalMinutes: point?.minIntervalMinutes ?? 0,
    purpose: point?.purpose ?? '',
  };

  async function save() {
    let values: FormValues;
    try {
      values = await form.validateFields();
    } catch {
      return; // antd shows the field errors
    }
    const purpose = values.purpose.trim();
    const change: CollectionPointChange = {
      enabled: values.enabled,
      detail: values.detail,
      // Keys kept only matter for 'listed'; sending none for 'full' keeps the stored row honest.
      attributes: values.detail === 'listed' ? values.attributes.map((a) => a.trim()).filter(Boolean) : [],
      minIntervalMinutes: values.minIntervalMinutes ?? 0,
      ...(purpose ? { purpose } : {}),
    };
    setSaving(true);
    setFailure(null);
    try {
      const saved = await api.saveCollectionPoint(traceType, change);
      void message.success(t('collection.saved'));
      onSaved(saved);
    } catch (error) {
      setFailure(error);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open
      title={t('collection.editTitle', { traceType: traceTypeLabel })}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => void save()}
      onCancel={onClose}
      width={560}
      data-testid="collection-point-form"
    >
      {failure !== null && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={`${t('collection.saveFailed')}: ${describeApiError(t, failure)}`}
          description={failure instanceof ApiError ? `${failure.code}: ${failure.message}` : undefined}
          data-testid="collection-point-error"
        />
      )}
      <Form<FormValues> form={form} layout="vertical" initialValues={initialValues} requiredMark={false}>
        <Form.Item name="enabled" label={t('collection.enabled')} valuePropName="checked">
          <Switch
            checkedChildren={t('collection.on')}
            unCheckedChildren={t('collection.off')}
            data-testid="collection-enabled"
          />
        </Form.Item>
        <Form.Item name="detail" label={t('collection.detail')}>
          <Radio.Group data-testid="collection-detail">
            <Radio value="full">{t('collection.details.full')}</Radio>
            <Radio value="listed">{t('collection.details.listed')}</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="attributes"
          label={t('collection.attributes')}
          extra={t('collection.attributesHint')}
          dependencies={['detail']}
          hidden={detail !== 'listed'}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, value: string[] | undefined) =>
                getFieldValue('detail') === 'listed' && !(value ?? []).some((a) => a.trim())
                  ? Promise.reject(new Error(t('collection.attributesRequired')))
                  : Promise.resolve(),
            }),
          ]}
        >
          <Select mode="tags" open={false} tokenSeparators={[',', '，', ' ']} data-testid="collection-attributes" />
        </Form.Item>
        <Form.Item
          name="minIntervalMinutes"
          label={t('collection.interval')}
          extra={t('collection.intervalHint')}
          rules={[
            { required: true, message: t('collection.intervalRange') },
            { type: 'integer', min: 0, max: MAX_INTERVAL_MINUTES, message: t('collection.intervalRange') },
          ]}
        >
          <InputNumber
            min={0}
            max={MAX_INTERVAL_MINUTES}
            precision={0}
            suffix={t('collection.minutes')}
            style={{ width: 220 }}
            data-testid="collection-interval"
          />
        </Form.Item>
        <Form.Item name="purpose" label={t('collection.purpose')}>
          <Input.TextArea maxLength={200} showCount rows={2} placeholder={t('collection.purposePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
