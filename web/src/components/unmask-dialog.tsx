import { Alert, Checkbox, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api-client/endpoints.js';
import type { PiiField, UnmaskedValues } from '../api-client/types.js';
import { useErrorMessage } from '../session/use-error-message.js';

const FIELDS: PiiField[] = ['name', 'phone', 'id_number', 'address', 'wechat_id'];

interface Props {
  customerNo: string;
  open: boolean;
  onClose(): void;
  onRevealed(values: UnmaskedValues): void;
}

/** Asks which fields and why, then reveals them; the server writes the audit record. */
export function UnmaskDialog({ customerNo, open, onClose, onRevealed }: Props) {
  const { t } = useTranslation();
  const showError = useErrorMessage();
  const [form] = Form.useForm<{ fields: PiiField[]; reason: string }>();
  const [submitting, setSubmitting] = useState(false);

  const submit = async () => {
    const { fields, reason } = await form.validateFields();
    setSubmitting(true);
    try {
      const result = await api.unmaskCustomer(customerNo, fields, reason.trim());
      onRevealed(result.values);
      form.resetFields();
      onClose();
    } catch (error) {
      showError(error);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      title={t('unmask.title')}
      open={open}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText={t('unmask.button')}
      cancelText={t('common.cancel')}
      confirmLoading={submitting}
      destroyOnHidden
    >
      <Alert
        type="warning"
        showIcon
        message={t('unmask.notice')}
        style={{ marginBottom: 16 }}
        data-testid="unmask-notice"
      />
      <Form form={form} layout="vertical" initialValues={{ fields: ['phone'] }}>
        <Form.Item name="fields" label={t('unmask.fields')} rules={[{ required: true, type: 'array', min: 1 }]}>
          <Checkbox.Group options={FIELDS.map((field) => ({ value: field, label: t(`customer.pii.${field}`) }))} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('unmask.reason')}
          rules={[{ required: true, whitespace: true, min: 4, message: t('unmask.reasonRequired') }]}
        >
          <Input.TextArea
            rows={3}
            maxLength={200}
            placeholder={t('unmask.reasonPlaceholder')}
            data-testid="unmask-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
