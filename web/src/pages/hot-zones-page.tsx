import { Alert, Card, Segmented, Select, Skeleton, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AREA_KINDS, type AreaKind, portraitApi } from '../api-client/portrait-endpoints.js';
import { ApiErrorResult } from '../components/api-error-result.js';
import { usePickName } from '../components/portrait-format.js';
import { HotZoneTable } from '../components/portrait-hot-zone-table.js';
import { HotZoneTreemap } from '../components/portrait-hot-zone-treemap.js';
import { useApiData } from '../hooks/use-api-data.js';

/** 服务风险热区 (E5): the org tree as a treemap coloured by risk, and the areas ranked. */
export default function HotZonesPage() {
  const { t } = useTranslation();
  const pick = usePickName();
  const [kind, setKind] = useState<AreaKind>('transformer_area');
  // Narrows the ranking to the areas holding one tag (e.g. 台区采集中断); the treemap stays whole.
  const [tag, setTag] = useState<string | undefined>(undefined);
  const { data, loading, error } = useApiData(`hot-zones|${kind}|${tag ?? ''}`, () =>
    portraitApi.hotZones({ kind, tag, limit: 100 }),
  );
  const { data: definitions } = useApiData('portrait-definitions', () => portraitApi.definitions());
  const tagOptions = (definitions?.tags ?? [])
    .filter((def) => def.subject === kind)
    .map((def) => ({ value: def.code, label: pick(def.name) }));

  if (!data && !loading) return <ApiErrorResult error={error} />;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card variant="borderless" size="small">
        <Space orientation="vertical" size={8} style={{ width: '100%' }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('portrait.hotZones.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('portrait.hotZones.intro')}</Typography.Text>
          <Space wrap>
            <Typography.Text>{t('portrait.hotZones.kind')}</Typography.Text>
            <Segmented<AreaKind>
              value={kind}
              onChange={(next) => {
                setKind(next);
                setTag(undefined);
              }}
              options={AREA_KINDS.map((k) => ({ value: k, label: t(`portrait.hotZones.kinds.${k}`) }))}
              data-testid="hot-zone-kind"
            />
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              placeholder={t('portrait.hotZones.tagFilter')}
              style={{ minWidth: 200 }}
              value={tag}
              onChange={(next: string | undefined) => setTag(next)}
              options={tagOptions}
              data-testid="hot-zone-tag-filter"
            />
            {data && (
              <Typography.Text type="secondary">
                {data.computedAt
                  ? t('portrait.hotZones.computedAt', {
                      at: dayjs(data.computedAt).format('YYYY-MM-DD HH:mm'),
                      total: data.total,
                    })
                  : t('portrait.hotZones.notComputed')}
              </Typography.Text>
            )}
          </Space>
        </Space>
      </Card>
      {!data || data.kind !== kind || loading ? (
        <Skeleton active />
      ) : (
        <>
          <Card title={t('portrait.hotZones.treemap')} variant="borderless" size="small">
            {data.treeTruncated && (
              <Alert type="info" showIcon title={t('portrait.hotZones.truncated')} style={{ marginBottom: 8 }} />
            )}
            {data.tree ? (
              <HotZoneTreemap hotZones={data} />
            ) : (
              <Typography.Text type="secondary">{t('portrait.hotZones.empty')}</Typography.Text>
            )}
          </Card>
          <Card title={t('portrait.hotZones.ranking')} variant="borderless" size="small">
            <HotZoneTable hotZones={data} />
          </Card>
        </>
      )}
    </Space>
  );
}
