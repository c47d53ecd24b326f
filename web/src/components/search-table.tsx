import { Input, Table, type TableColumnsType, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { Page } from '../api-client/types.js';
import { useApiData } from '../hooks/use-api-data.js';
import { serverPagination } from './server-pagination.js';

const PAGE_SIZE = 20;

interface Props<T> {
  /** Prefix of the test ids: `<name>-search` on the box, `<name>-table` around the table. */
  name: string;
  placeholder: string;
  /** A line under the box saying what may be searched for. */
  hint?: ReactNode;
  columns: TableColumnsType<T>;
  rowKey: keyof T & string;
  search(q: string, page: number, pageSize: number): Promise<Page<T>>;
}

/**
 * A search box over a server-paged table. The query and page live in the URL, so Back from a
 * row's own page returns to the same result page.
 */
export function SearchTable<T extends object>({ name, placeholder, hint, columns, rowKey, search }: Props<T>) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Number(params.get('page') ?? '1') || 1;
  const { data, loading } = useApiData(JSON.stringify([name, q, page]), () => search(q, page, PAGE_SIZE));

  return (
    <>
      <Input.Search
        placeholder={placeholder}
        defaultValue={q}
        allowClear
        enterButton={t('common.search')}
        style={{ maxWidth: 560, marginBottom: hint ? 8 : 16 }}
        data-testid={`${name}-search`}
        onSearch={(value) => setParams(value.trim() ? { q: value.trim() } : {})}
      />
      {hint && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {hint}
        </Typography.Paragraph>
      )}
      <div data-testid={`${name}-table`}>
        <Table<T>
          rowKey={rowKey}
          size="small"
          loading={loading}
          columns={columns}
          dataSource={data?.items ?? []}
          pagination={serverPagination(t, page, PAGE_SIZE, data?.total ?? 0, (next) =>
            setParams(q ? { q, page: String(next) } : { page: String(next) }),
          )}
        />
      </div>
    </>
  );
}
