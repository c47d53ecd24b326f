import { Alert, DatePicker, Form, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { QaReinspectionJob, QaSchemeSummary } from '../../../src/api/contract.js';
import { qaApi } from '../api-client/qa-endpoints.js';
import { useDialogSave } from '../hooks/use-dialog-save.js';
import { parseVersionKey, QaSchemeVersionSelect, usePreselectLiveVersion } from './qa-scheme-version-select.js';

interface Values {
  version: string;
  period: [Dayjs, Dayjs];
}

/** 发起重新质检: a published version of the routine scheme over a period (every call, company-wide). */
export function QaReinspectionForm({
  open,
  schemes,
  onClose,
  onStarted,
}: {
  open: boolean;
  schemes: QaSchemeSummary[];
  onClose: () => void;
  onStarted: (job: QaReinspectionJob) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { saving, error, submit } = useDialogSave(
    form,
    (values: Values) => {
      const scheme = parseVersionKey(values.version);
      return qaApi.startReinspection({
        schemeCode: scheme.code,
        version: scheme.version,
        from: values.period[0].format('YYYY-MM-DD'),
        to: values.period[1].format('YYYY-MM-DD'),
      });
    },
    onStarted,
  );

  usePreselectLiveVersion(form, schemes, open);
  const initial: Partial<Values> = {
    period: [dayjs().subtract(3, 'month').startOf('month'), dayjs()],
  };
  return (
    <Modal
      open={open}
      title={t('qa.reinspections.start')}
      onOk={submit}
      confirmLoading={saving}
      onCancel={onClose}
      destroyOnHidden
      data-testid="qa-reinspection-form"
    >
      <Form<Values> form={form} layout="vertical" initialValues={initial}>
        <Form.Item
          name="version"
          label={t('qa.reinspections.scheme')}
          rules={[{ required: true, message: t('qa.jobs.versionRequired') }]}
        >
          <QaSchemeVersionSelect schemes={schemes} routineOnly testId="qa-reinspection-version" />
        </Form.Item>
        <Form.Item
          name="period"
          label={t('qa.filters.period')}
          rules={[{ required: true, message: t('qa.jobs.periodRequired') }]}
        >
          <DatePicker.RangePicker />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon message={error} style={{ marginTop: 12 }} />}
    </Modal>
  );
}
