import { useCallback, useEffect, useState } from 'react';
import type { QaRuleSummary, QaSchemeVersionDetail } from '../../../src/api/contract.js';
import { qaApi } from '../api-client/qa-endpoints.js';

// One load per page session: the live rules change only when a version is published.
let cached: Promise<QaSchemeVersionDetail | null> | null = null;

/** After publishing, the next page that asks loads the new live version. */
export function forgetQaRuleCatalog(): void {
  cached = null;
}

async function loadLiveRoutineVersion(): Promise<QaSchemeVersionDetail | null> {
  const { items } = await qaApi.schemes();
  const routine = items.find((scheme) => scheme.routine) ?? items[0];
  if (!routine || routine.liveVersion === null) return null;
  return qaApi.schemeVersion(routine.code, routine.liveVersion);
}

export interface QaRuleCatalog {
  rules: QaRuleSummary[];
  /** The rule's name, or its code while the catalog loads or when the rule left the scheme. */
  nameOf(code: string): string;
}

/** The rules of the routine scheme's live version, for filters and for naming rule codes. */
export function useQaRuleCatalog(): QaRuleCatalog {
  const [rules, setRules] = useState<QaRuleSummary[]>([]);
  useEffect(() => {
    let current = true;
    cached ??= loadLiveRoutineVersion();
    cached.then(
      (version) => current && setRules(version?.rules ?? []),
      (error: unknown) => {
        // Filters still work by code without names; nothing to tell the user.
        cached = null;
        console.warn('QA rule catalog', error);
      },
    );
    return () => {
      current = false;
    };
  }, []);
  const nameOf = useCallback((code: string) => rules.find((rule) => rule.code === code)?.name ?? code, [rules]);
  return { rules, nameOf };
}
