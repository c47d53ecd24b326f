import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api-client/endpoints.js';
import type { LocalizedLabel, Vocabulary, VocabularyEntry } from '../api-client/types.js';

export type VocabularyKind = keyof Vocabulary;

interface VocabularyValue {
  vocabulary: Vocabulary | null;
  /** The label of a code in the UI language; the code itself when the vocabulary lacks it. */
  label(kind: VocabularyKind, code: string | null | undefined): string;
  /** Codes with labels, in the server's order, for filter selects. */
  options(kind: VocabularyKind): { value: string; label: string }[];
}

const VocabularyContext = createContext<VocabularyValue | null>(null);

export function VocabularyProvider({ children }: { children: ReactNode }) {
  const [vocabulary, setVocabulary] = useState<Vocabulary | null>(null);
  const { i18n } = useTranslation();
  const english = i18n.language === 'en';

  useEffect(() => {
    api
      .vocabulary()
      .then(setVocabulary)
      .catch((error: unknown) => console.error('vocabulary', error));
  }, []);

  const pick = useCallback((entry: LocalizedLabel) => (english ? entry.en : entry.zh), [english]);

  const byCode = useMemo(() => {
    const index = (entries: VocabularyEntry[] = []) => new Map(entries.map((e) => [e.code, e]));
    return {
      channels: index(vocabulary?.channels),
      traceTypes: index(vocabulary?.traceTypes),
      workOrderTypes: index(vocabulary?.workOrderTypes),
      topics: index(vocabulary?.topics),
    } satisfies Record<VocabularyKind, Map<string, VocabularyEntry>>;
  }, [vocabulary]);

  const label = useCallback(
    (kind: VocabularyKind, code: string | null | undefined) => {
      if (!code) return '';
      const entry = byCode[kind].get(code);
      return entry ? pick(entry) : code;
    },
    [byCode, pick],
  );

  const options = useCallback(
    (kind: VocabularyKind) => (vocabulary?.[kind] ?? []).map((entry) => ({ value: entry.code, label: pick(entry) })),
    [vocabulary, pick],
  );

  const value = useMemo(() => ({ vocabulary, label, options }), [vocabulary, label, options]);
  return <VocabularyContext.Provider value={value}>{children}</VocabularyContext.Provider>;
}

export function useVocabulary(): VocabularyValue {
  const value = useContext(VocabularyContext);
  if (!value) throw new Error('useVocabulary needs a VocabularyProvider');
  return value;
}
