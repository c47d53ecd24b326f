import type { FormInstance } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeApiError } from '../session/describe-api-error.js';

/**
 * A dialog's save: validate the form, send it, hand the reply on and clear the form; a
 * refusal from the API stays in the dialog (as `error`) beside what the user typed.
 */
export function useDialogSave<V, R>(
  form: FormInstance<V>,
  save: (values: V) => Promise<R>,
  onSaved: (reply: R) => void,
  { resetOnSave = true }: { resetOnSave?: boolean } = {},
) {
  const { t } = useTranslation();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const values = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      const reply = await save(values);
      if (resetOnSave) form.resetFields();
      onSaved(reply);
    } catch (failure) {
      setError(describeApiError(t, failure));
    } finally {
      setSaving(false);
    }
  };
  return { saving, error, setError, submit };
}
