import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { filterQuery, segmentApi } from '../api-client/segment-endpoints.js';
import { PageSpinner } from '../components/page-spinner.js';
import { SegmentFacets } from '../components/segment-facets.js';
import { SegmentFilterForm } from '../components/segment-filter-form.js';
import { narrowedTo } from '../components/segment-filter-values.js';
import { SegmentTable } from '../components/segment-table.js';
import { useApiData } from '../hooks/use-api-data.js';
import { usePortraitDefinitions } from '../hooks/use-portrait-definitions.js';
import { useCan } from '../session/session-context.js';

const PAGE_SIZE = 20;

/**
 * 客群筛选: customers by tags, grades, scores, org unit and topology. The filter lives in the
 * URL (the API's own query string), so a link is a saved segment and Back returns to it.
 */
export default function SegmentsPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const definitions = usePortraitDefinitions();
  const canExport = useCan('portrait:manage');
  const query = new URLSearchParams(params);
  if (!query.has('pageSize')) query.set('pageSize', String(PAGE_SIZE));
  const { data, loading, error } = useApiData(`segments?${query.toString()}`, () => segmentApi.query(query));

  if (!definitions) return <PageSpinner />;
  const language = i18n.language === 'en' ? 'en' : 'zh-CN';

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card title={t('segments.menu.segments')} variant="borderless" size="small">
        <SegmentFilterForm
          definitions={definitions}
          params={filterQuery(params)}
          onSubmit={(next) => setParams(next)}
        />
      </Card>
      <Card
        variant="borderless"
        size="small"
        title={
          <span data-testid="segment-total" data-count={data?.total ?? ''}>
            {data ? t('segments.result.total', { count: data.total }) : '…'}
          </span>
        }
        extra={
          canExport && (
            <Tooltip title={t('segments.result.exportHint')}>
              <Button
                icon={<DownloadOutlined />}
                href={segmentApi.exportUrl(params, language)}
                disabled={!data || data.total === 0}
                data-testid="segment-export"
              >
                {t('segments.result.export')}
              </Button>
            </Tooltip>
          )
        }
      >
        {error === undefined && data && data.total === 0 && params.toString() === '' && (
          <Alert type="info" showIcon message={t('segments.result.noPortraits')} style={{ marginBottom: 12 }} />
        )}
        {data && data.total > 0 && (
          <SegmentFacets
            segment={data}
            definitions={definitions}
            onNarrow={(key, value) => setParams(narrowedTo(params, key, value))}
          />
        )}
        <div style={{ marginTop: 16 }}>
          <SegmentTable
            segment={data}
            definitions={definitions}
            loading={loading}
            onPage={(page) => {
              const next = new URLSearchParams(params);
              next.set('page', String(page));
              setParams(next);
            }}
          />
        </div>
      </Card>
    </Space>
  );
}
