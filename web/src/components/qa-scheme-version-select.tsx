import { type FormInstance, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { QaSchemeRef, QaSchemeSummary } from '../../../src/api/contract.js';

/** A version as one select value: `default-95598@3`. */
export const versionKey = (ref: QaSchemeRef): string => `${ref.code}@${ref.version}`;

export function parseVersionKey(key: string): QaSchemeRef {
  const at = key.lastIndexOf('@');
  return { code: key.slice(0, at), version: Number(key.slice(at + 1)) };
}

/** The routine scheme's live version, what a new job most often uses. */
export function liveRoutineKey(schemes: QaSchemeSummary[]): string | undefined {
  const routine = schemes.find((scheme) => scheme.routine);
  return routine && routine.liveVersion !== null
    ? versionKey({ code: routine.code, version: routine.liveVersion })
    : undefined;
}

/**
 * Fills an empty `version` field with the routine scheme's live version, also when the
 * schemes arrive after the dialog opened (a form's initial values apply only when it mounts).
 */
export function usePreselectLiveVersion(form: FormInstance, schemes: QaSchemeSummary[], open: boolean): void {
  const live = liveRoutineKey(schemes);
  useEffect(() => {
    if (open && live && !form.getFieldValue('version')) form.setFieldsValue({ version: live });
  }, [open, live, form]);
}

/**
 * Published versions (live or retired) grouped by scheme: jobs never run a draft (the server
 * answers QA_SCHEME_STATE), so drafts are not offered.
 */
export function QaSchemeVersionSelect({
  schemes,
  routineOnly = false,
  value,
  onChange,
  testId,
}: {
  schemes: QaSchemeSummary[];
  routineOnly?: boolean;
  value?: string;
  onChange?: (value: string) => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const options = schemes
    .filter((scheme) => !routineOnly || scheme.routine)
    .map((scheme) => ({
      label: `${scheme.name} (${scheme.code})`,
      options: scheme.versions
        .filter((v) => v.status !== 'draft')
        .sort((a, b) => b.version - a.version)
        .map((v) => ({
          value: versionKey({ code: scheme.code, version: v.version }),
          label: `${scheme.name} v${v.version} · ${t(`qa.schemes.statuses.${v.status}`)}`,
        })),
    }))
    .filter((group) => group.options.length > 0);
  return (
    <Select
      value={value ?? null}
      onChange={(next) => onChange?.(next)}
      options={options}
      style={{ minWidth: 280 }}
      popupMatchSelectWidth={false}
      data-testid={testId}
    />
  );
}
