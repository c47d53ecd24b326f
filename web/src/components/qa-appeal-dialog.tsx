import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QaHit } from '../../../src/api/contract.js';
import { qaApi } from '../api-client/qa-endpoints.js';
import { describeApiError } from '../session/describe-api-error.js';

/** An agent appeals one deduction of their own call, with a reason (申诉). */
export function QaAppealDialog({
  hit,
  onClose,
  onFiled,
}: {
  hit: QaHit | null;
  onClose: () => void;
  onFiled: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    if (!hit) return;
    const { reason } = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      await qaApi.appeal(hit.hitId, reason.trim());
      form.resetFields();
      onFiled();
    } catch (failure) {
      setError(describeApiError(t, failure));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={hit !== null}
      title={t('qa.appeal.title')}
      okText={t('qa.appeal.submit')}
      onOk={submit}
      confirmLoading={saving}
      onCancel={onClose}
      destroyOnHidden
      data-testid="qa-appeal-dialog"
    >
      {hit && (
        <Typography.Paragraph>{t('qa.appeal.about', { rule: hit.ruleName, points: hit.points })}</Typography.Paragraph>
      )}
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label={t('qa.appeal.reason')}
          rules={[{ required: true, whitespace: true, min: 4, message: t('qa.appeal.reasonRequired') }]}
        >
          <Input.TextArea
            rows={4}
            maxLength={2000}
            placeholder={t('qa.appeal.reasonPlaceholder')}
            data-testid="qa-appeal-reason"
          />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon message={error} data-testid="qa-appeal-error" />}
    </Modal>
  );
}
