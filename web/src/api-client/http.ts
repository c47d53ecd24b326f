import i18next from 'i18next';

/** The server's error envelope: every failed request answers `{ error: { code, message } }`. */
export interface ErrorEnvelope {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

/** A failed API call, carrying the server's stable error code (docs/errors.md). */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type QueryValue = string | number | boolean | undefined | null;

export interface RequestOptions {
  query?: Record<string, QueryValue | readonly string[]>;
  body?: unknown;
  signal?: AbortSignal;
}

let onSessionLost: (() => void) | undefined;

/** Called when any request answers 401, so the app can go back to the login page. */
export function setSessionLostHandler(handler: (() => void) | undefined): void {
  onSessionLost = handler;
}

function buildUrl(path: string, query: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) for (const item of value) params.append(key, item);
    else params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** The UI language, so text the server builds (timeline summaries) matches the screen. */
function uiLanguage(): string {
  return (i18next.resolvedLanguage ?? i18next.language) === 'en' ? 'en' : 'zh-CN';
}

function isErrorEnvelope(value: unknown): value is ErrorEnvelope {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === 'object' && error !== null && 'code' in error && 'message' in error;
}

export async function apiRequest<T>(
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  options: RequestOptions = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      credentials: 'include',
      headers: {
        accept: 'application/json',
        'accept-language': uiLanguage(),
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError('NETWORK', 'The server cannot be reached', 0);
  }
  const text = await response.text();
  const payload: unknown = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    if (response.status === 401 && path !== '/api/v1/auth/login') onSessionLost?.();
    if (isErrorEnvelope(payload)) {
      const { code, message, details } = payload.error;
      throw new ApiError(code, message, response.status, details);
    }
    throw new ApiError('HTTP_ERROR', `${response.status} ${response.statusText}`, response.status);
  }
  return payload as T;
}
