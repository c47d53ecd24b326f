import { Select } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { segmentApi, type TransformerAreaOption } from '../api-client/segment-endpoints.js';

/** Transformer areas (台区) of the caller's scope, searched on the server as the user types. */
export function TransformerAreaSelect({
  value,
  onChange,
  placeholder,
  testId,
}: {
  value?: string[];
  onChange?: (value: string[]) => void;
  placeholder: string;
  testId?: string;
}) {
  const [areas, setAreas] = useState<TransformerAreaOption[]>([]);
  const [q, setQ] = useState('');
  const latest = useRef(q);
  latest.current = q;
  useEffect(() => {
    const timer = setTimeout(() => {
      segmentApi.transformerAreas(q).then(
        ({ items }) => latest.current === q && setAreas(items),
        (error: unknown) => console.warn('transformer areas', error),
      );
    }, 250);
    return () => clearTimeout(timer);
  }, [q]);
  return (
    <Select
      mode="multiple"
      value={value ?? []}
      onChange={(next) => onChange?.(next)}
      showSearch
      filterOption={false}
      onSearch={setQ}
      placeholder={placeholder}
      style={{ width: '100%' }}
      data-testid={testId}
      options={areas.map((a) => ({ value: a.id, label: `${a.name}（${a.id}）· ${a.feeder.name}` }))}
    />
  );
}
