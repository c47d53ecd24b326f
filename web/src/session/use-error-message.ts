import { App } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api-client/http.js';
import { describeApiError } from './describe-api-error.js';

/** Shows a failed call as an antd message: known codes in the UI language, others as the server said. */
export function useErrorMessage(): (error: unknown) => void {
  const { message } = App.useApp();
  const { t } = useTranslation();
  return useCallback(
    (error: unknown) => {
      if (error instanceof DOMException && error.name === 'AbortError') return;
      if (error instanceof ApiError) {
        if (error.code === 'NETWORK') return void message.error(t('errors.network'));
        if (error.code === 'AUTH_REQUIRED') return void message.warning(t('errors.sessionExpired'));
        return void message.error(describeApiError(t, error));
      }
      console.error(error);
      void message.error(String(error));
    },
    [message, t],
  );
}
