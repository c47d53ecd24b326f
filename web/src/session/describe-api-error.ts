import type { TFunction } from 'i18next';
import { ApiError } from '../api-client/http.js';

/** A failed call in the UI language: known codes get their own words, others the server's message. */
export function describeApiError(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiError)) return String(error);
  const known = t(`errors.codes.${error.code}`, { defaultValue: '' });
  return known || `${error.message} (${error.code})`;
}
