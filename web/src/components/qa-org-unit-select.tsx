import { TreeSelect } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgNode } from '../../../src/api/contract.js';
import { qaApi } from '../api-client/qa-endpoints.js';

interface TreeOption {
  value: string;
  title: string;
  children: TreeOption[];
}

const toOptions = (nodes: OrgNode[]): TreeOption[] =>
  nodes.map((node) => ({ value: node.id, title: node.name, children: toOptions(node.children) }));

/** Picks a team or any unit above it (the API takes the unit and everything below it). */
export function QaOrgUnitSelect({
  value,
  onChange,
  testId,
}: {
  value?: string | undefined;
  onChange?: (value: string | undefined) => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [options, setOptions] = useState<TreeOption[]>([]);
  useEffect(() => {
    qaApi.orgUnits().then(
      ({ items }) => setOptions(toOptions(items)),
      (error: unknown) => console.warn('org units', error),
    );
  }, []);
  return (
    <TreeSelect
      value={value}
      onChange={(next) => onChange?.(next ?? undefined)}
      treeData={options}
      allowClear
      showSearch
      treeNodeFilterProp="title"
      placeholder={t('qa.filters.orgUnit')}
      style={{ minWidth: 200 }}
      popupMatchSelectWidth={false}
      data-testid={testId}
    />
  );
}
