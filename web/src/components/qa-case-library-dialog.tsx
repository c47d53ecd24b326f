import { Alert, Form, Input, Modal, Radio, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { QaCaseLibraryEntry, QaCaseLibraryRequest } from '../../../src/api/contract.js';
import { qaApi } from '../api-client/qa-endpoints.js';
import { useDialogSave } from '../hooks/use-dialog-save.js';

type Values = Omit<QaCaseLibraryRequest, 'callId'>;

/** Adds a call to the case library (典型 / 优秀) or edits an entry: title, tags, teaching note. */
export function QaCaseLibraryDialog({
  open,
  callId,
  entry,
  onClose,
  onSaved,
}: {
  open: boolean;
  /** The call to add; ignored when editing an entry. */
  callId?: string;
  entry?: QaCaseLibraryEntry | null;
  onClose: () => void;
  onSaved: (entry: QaCaseLibraryEntry) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { saving, error, setError, submit } = useDialogSave(
    form,
    (values: Values) => {
      const body = { ...values, title: values.title.trim(), teachingNote: values.teachingNote.trim() };
      return entry
        ? qaApi.updateCaseLibraryEntry(entry.entryId, body)
        : qaApi.addToCaseLibrary({ ...body, callId: callId ?? '' });
    },
    onSaved,
    { resetOnSave: false },
  );

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.setFieldsValue(
      entry
        ? { kind: entry.kind, title: entry.title, tags: entry.tags, teachingNote: entry.teachingNote }
        : { kind: 'typical', title: '', tags: [], teachingNote: '' },
    );
  }, [open, entry, form, setError]);

  return (
    <Modal
      open={open}
      title={entry ? t('qa.library.editTitle') : t('qa.library.addTitle')}
      onOk={submit}
      confirmLoading={saving}
      onCancel={onClose}
      destroyOnHidden
      data-testid="qa-library-dialog"
    >
      <Form form={form} layout="vertical">
        <Form.Item name="kind" label={t('qa.library.kind')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'typical', label: t('qa.library.kinds.typical') },
              { value: 'excellent', label: t('qa.library.kinds.excellent') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('qa.library.titleField')}
          rules={[{ required: true, whitespace: true, message: t('qa.library.titleRequired') }]}
        >
          <Input maxLength={200} data-testid="qa-library-title" />
        </Form.Item>
        <Form.Item name="tags" label={t('qa.library.tags')}>
          <Select mode="tags" tokenSeparators={[',', '，']} placeholder={t('qa.library.tagsHint')} />
        </Form.Item>
        <Form.Item
          name="teachingNote"
          label={t('qa.library.teachingNote')}
          rules={[{ required: true, whitespace: true, message: t('qa.library.noteRequired') }]}
        >
          <Input.TextArea rows={4} maxLength={4000} data-testid="qa-library-note" />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon message={error} />}
    </Modal>
  );
}
