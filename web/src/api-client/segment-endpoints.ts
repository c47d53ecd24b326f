/**
 * Segment (客群筛选) and tag coverage endpoints. The filter travels as the page's own query
 * string (tag=…&creditGrade=…), which is the API's query string too, so a link to the page
 * is a saved segment and the export takes exactly what the page shows.
 */
import type { SegmentReply, TagCoverageReply, TransformerAreasReply } from '../../../src/api/contract.js';
import { apiRequest } from './http.js';

export type { SegmentReply as Segment, TagCoverageReply as TagCoverage };
export type SegmentCustomer = SegmentReply['items'][number];
export type TransformerAreaOption = TransformerAreasReply['items'][number];
export type { OrgNode } from '../../../src/api/contract.js';

/** The query string without the page's own paging keys, as the export wants it. */
export function filterQuery(params: URLSearchParams): URLSearchParams {
  const filter = new URLSearchParams(params);
  for (const key of ['page', 'pageSize', 'sort', 'order']) filter.delete(key);
  return filter;
}

export const segmentApi = {
  query: (params: URLSearchParams, signal?: AbortSignal) =>
    apiRequest<SegmentReply>('GET', `/api/v1/segments/query?${params.toString()}`, signal ? { signal } : {}),
  /** A plain link: the browser downloads the stream with the session cookie. */
  exportUrl: (params: URLSearchParams, language: string) => {
    const filter = filterQuery(params);
    filter.set('lang', language);
    return `/api/v1/segments/export.csv?${filter.toString()}`;
  },
  coverage: (orgUnit?: string) =>
    apiRequest<TagCoverageReply>('GET', '/api/v1/portraits/tags/coverage', { query: { orgUnit } }),
  transformerAreas: (q: string) =>
    apiRequest<TransformerAreasReply>('GET', '/api/v1/segments/transformer-areas', { query: { q } }),
};
