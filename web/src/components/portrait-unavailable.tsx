import { Alert, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api-client/http.js';
import { describeApiError } from '../session/describe-api-error.js';

/**
 * What a subject's portrait section shows until its portrait is there: a skeleton while it
 * loads, then `notBuilt` (how to build it) when none was computed, or the API's error.
 */
export function PortraitUnavailable({ error, notBuilt, testId }: { error: unknown; notBuilt: string; testId: string }) {
  const { t } = useTranslation();
  if (!error) return <Skeleton active />;
  const missing = error instanceof ApiError && error.code === 'PORTRAIT_NOT_AVAILABLE';
  return <Alert type="warning" showIcon title={missing ? notBuilt : describeApiError(t, error)} data-testid={testId} />;
}
