import type { TablePaginationConfig } from 'antd';
import type { TFunction } from 'i18next';

/** The pager of a table the API pages: a fixed page size, the total in words, page changes handed on. */
export function serverPagination(
  t: TFunction,
  page: number,
  pageSize: number,
  total: number,
  onChange: (page: number) => void,
): TablePaginationConfig {
  return {
    current: page,
    pageSize,
    total,
    showSizeChanger: false,
    showTotal: (count) => t('common.total', { count }),
    onChange,
  };
}
