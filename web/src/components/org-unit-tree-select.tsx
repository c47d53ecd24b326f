import { TreeSelect } from 'antd';
import { useEffect, useState } from 'react';
import { type OrgNode, segmentApi } from '../api-client/segment-endpoints.js';

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
}: {
  value?: string | undefined;
  onChange?: (value: string | undefined) => void;
  placeholder: string;
  testId?: string;
}) {
  const [options, setOptions] = useState<TreeOption[]>([]);
  useEffect(() => {
    segmentApi.orgUnits().then(
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
      treeDefaultExpandAll
      treeNodeFilterProp="title"
      placeholder={placeholder}
      style={{ width: '100%' }}
      popupMatchSelectWidth={false}
      data-testid={testId}
    />
  );
}
