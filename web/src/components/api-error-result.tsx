import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ApiError } from '../api-client/http.js';
import { describeApiError } from '../session/describe-api-error.js';

/** A page that could not load: not found, refused (scope, confidential) or failed. */
export function ApiErrorResult({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const status =
    error instanceof ApiError && error.status === 404
      ? '404'
      : error instanceof ApiError && error.status === 403
        ? '403'
        : 'error';
  return (
    <Result
      status={status}
      title={describeApiError(t, error)}
      subTitle={error instanceof ApiError ? `${error.code}: ${error.message}` : undefined}
      extra={<Button onClick={() => navigate(-1)}>{t('common.back')}</Button>}
      data-testid="api-error-result"
    />
  );
}
