import { TreeSelect } from 'antd';
import { type CSSProperties, useEffect, useState } from 'react';
import type { OrgNode } from '../../../src/api/contract.js';
import { api } from '../api-client/endpoints.js';

interface TreeOption {
  value: string;
  title: string;
  children: TreeOption[];
}

const toOptions = (nodes: OrgNode[]): TreeOption[] =>
  nodes.map((node) => ({ value: node.id, title: node.name, children: toOptions(node.children) }));

/** Any unit of the caller's scope (the tree the API returns); the filter takes its whole subtree. */
export function OrgUnitTreeSelect({
  value,
  onChange,
  placeholder,
  testId,
  expandAll = true,
  style = { width: '100%' },
}: {
  value?: string | undefined;
  onChange?: ((value: string | undefined) => void) | undefined;
  placeholder: string;
  testId?: string | undefined;
  /** Open every level at once: right for a filter form, too much in a toolbar. */
  expandAll?: boolean;
  style?: CSSProperties;
}) {
  const [options, setOptions] = useState<TreeOption[]>([]);
  useEffect(() => {
    api.orgUnits().then(
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
      treeDefaultExpandAll={expandAll}
      treeNodeFilterProp="title"
      placeholder={placeholder}
      style={style}
      popupMatchSelectWidth={false}
      data-testid={testId}
    />
  );
}
