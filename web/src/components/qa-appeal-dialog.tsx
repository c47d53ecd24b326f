import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { QaHit } from '../../../src/api/contract.js';
import { qaApi } from '../api-client/qa-endpoints.js';
import { useDialogSave } from '../hooks/use-dialog-save.js';

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
  // The dialog is open only with a hit, so there is always one to appeal when it saves.
  const { saving, error, submit } = useDialogSave(
    form,
    async ({ reason }: { reason: string }) => {
      if (hit) await qaApi.appeal(hit.hitId, reason.trim());
    },
    onFiled,
  );

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
