import { useEffect, useRef, useState } from 'react';
import { useErrorMessage } from '../session/use-error-message.js';

export interface ApiData<T> {
  data: T | undefined;
  loading: boolean;
  error: unknown;
}

/**
 * Calls `load()` whenever `key` changes and drops answers that arrive after a newer request,
 * so typing fast in a search box never shows an older result last. Errors go to antd message.
 */
export function useApiData<T>(key: string, load: () => Promise<T>): ApiData<T> {
  const [state, setState] = useState<ApiData<T>>({ data: undefined, loading: true, error: undefined });
  const showError = useErrorMessage();
  const latestLoad = useRef(load);
  latestLoad.current = load;

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` names what the load depends on
  useEffect(() => {
    let current = true;
    setState((s) => ({ ...s, loading: true, error: undefined }));
    latestLoad.current().then(
      (data) => current && setState({ data, loading: false, error: undefined }),
      (error: unknown) => {
        if (!current) return;
        setState((s) => ({ ...s, loading: false, error }));
        showError(error);
      },
    );
    return () => {
      current = false;
    };
  }, [key, showError]);

  return state;
}
