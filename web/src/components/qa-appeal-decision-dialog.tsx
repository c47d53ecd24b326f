import { Alert, Form, Input, Modal, Radio, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { QaAppeal, QaAppealDecisionRequest } from '../../../src/api/contract.js';
import { qaApi } from '../api-client/qa-endpoints.js';
import { useDialogSave } from '../hooks/use-dialog-save.js';

/** A second inspector upholds the deduction or reverses it (the points come back), with a note. */
export function QaAppealDecisionDialog({
  appeal,
  onClose,
  onDecided,
}: {
  appeal: QaAppeal | null;
  onClose: () => void;
  onDecided: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<QaAppealDecisionRequest>();
  const { saving, error, setError, submit } = useDialogSave(
    form,
    async (values: QaAppealDecisionRequest) => {
      if (appeal) await qaApi.decideAppeal(appeal.appealId, { decision: values.decision, note: values.note.trim() });
    },
    onDecided,
  );
  useEffect(() => {
    if (appeal) setError(null);
  }, [appeal, setError]);

  return (
    <Modal
      open={appeal !== null}
      title={t('qa.recheck.decideTitle')}
      onOk={submit}
      confirmLoading={saving}
      onCancel={onClose}
      destroyOnHidden
      data-testid="qa-decision-dialog"
    >
      {appeal && (
        <>
          <Typography.Paragraph>
            {t('qa.appeal.about', { rule: appeal.ruleName, points: appeal.points })}
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
            {t('qa.appeal.reason')}: {appeal.reason}
          </Typography.Paragraph>
        </>
      )}
      <Form form={form} layout="vertical" initialValues={{ decision: 'upheld', note: '' }}>
        <Form.Item name="decision" label={t('qa.recheck.decision')}>
          <Radio.Group
            options={[
              { value: 'upheld', label: t('qa.recheck.uphold') },
              { value: 'reversed', label: t('qa.recheck.reverse') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('qa.recheck.note')}
          rules={[{ required: true, whitespace: true, message: t('qa.recheck.noteRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={2000} data-testid="qa-decision-note" />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon message={error} data-testid="qa-decision-error" />}
    </Modal>
  );
}
