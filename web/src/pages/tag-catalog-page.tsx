import { Card, Progress, Select, Space, Table, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import type { PortraitDefinitions } from '../api-client/portrait-endpoints.js';
import { segmentApi } from '../api-client/segment-endpoints.js';
import { OrgUnitTreeSelect } from '../components/org-unit-tree-select.js';
import { PageSpinner } from '../components/page-spinner.js';
import { TONE_COLOR, usePickName } from '../components/portrait-format.js';
import { TagConditionText } from '../components/tag-condition-text.js';
import { TagCoverageChart } from '../components/tag-coverage-chart.js';
import { useApiData } from '../hooks/use-api-data.js';
import { usePortraitDefinitions } from '../hooks/use-portrait-definitions.js';

type TagDef = PortraitDefinitions['tags'][number];

/**
 * 标签目录: every customer tag with its definition in words, version, strategy, and how many
 * customers of the chosen unit hold it; a row expands to the tag's spread over the units below.
 */
export default function TagCatalogPage() {
  const { t } = useTranslation();
  const pick = usePickName();
  const [params, setParams] = useSearchParams();
  const orgUnit = params.get('orgUnit') ?? undefined;
  const [dimension, setDimension] = useState<string>();
  const definitions = usePortraitDefinitions();
  const { data: coverage, loading } = useApiData(`coverage:${orgUnit ?? ''}`, () => segmentApi.coverage(orgUnit));

  if (!definitions) return <PageSpinner />;
  const dimensionName = new Map<string, string>(definitions.dimensions.map((d) => [d.code, pick(d.name)]));
  const dimensionOrder: string[] = definitions.dimensions.map((d) => d.code);
  const coverageOf = new Map((coverage?.tags ?? []).map((c) => [c.code, c]));
  const rows = definitions.tags
    .filter((tag) => tag.subject === 'customer' && (!dimension || tag.dimension === dimension))
    .sort((a, b) => dimensionOrder.indexOf(a.dimension) - dimensionOrder.indexOf(b.dimension));

  const columns: TableColumnsType<TagDef> = [
    {
      title: t('segments.catalog.dimension'),
      dataIndex: 'dimension',
      width: 100,
      render: (code: string) => dimensionName.get(code) ?? code,
    },
    {
      title: t('segments.catalog.tag'),
      key: 'tag',
      width: 170,
      render: (_: unknown, tag) => (
        <Space direction="vertical" size={0}>
          <Tooltip title={pick(tag.description)}>
            <Tag color={TONE_COLOR[tag.tone]} data-testid={`catalog-tag-${tag.code}`}>
              {pick(tag.name)}
            </Tag>
          </Tooltip>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {tag.code}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('segments.catalog.definition'),
      key: 'when',
      render: (_: unknown, tag) => <TagConditionText condition={tag.when} features={definitions.features} />,
    },
    { title: t('segments.catalog.version'), dataIndex: 'version', width: 60, render: (v: number) => `v${v}` },
    {
      title: t('segments.catalog.strategy'),
      key: 'strategy',
      width: 260,
      render: (_: unknown, tag) =>
        tag.strategy ? (
          <Space direction="vertical" size={0}>
            <Tag>{t('segments.catalog.priority', { priority: tag.strategy.priority })}</Tag>
            <Typography.Text style={{ fontSize: 12 }}>{pick(tag.strategy)}</Typography.Text>
          </Space>
        ) : (
          t('common.none')
        ),
    },
    {
      title: t('segments.catalog.coverage'),
      key: 'count',
      width: 150,
      sorter: (a, b) => (coverageOf.get(a.code)?.count ?? 0) - (coverageOf.get(b.code)?.count ?? 0),
      render: (_: unknown, tag) => {
        const c = coverageOf.get(tag.code);
        if (!c) return loading ? '…' : t('common.none');
        return (
          <div data-testid={`catalog-coverage-${tag.code}`} data-count={c.count}>
            <Link
              to={`/segments?tag=${encodeURIComponent(tag.code)}${orgUnit ? `&orgUnit=${encodeURIComponent(orgUnit)}` : ''}`}
            >
              {c.count.toLocaleString()}
            </Link>
            <Progress percent={Math.round(c.share * 1000) / 10} size="small" format={(p) => `${p}%`} />
          </div>
        );
      },
    },
  ];

  return (
    <Card title={t('segments.catalog.title')} variant="borderless">
      <Typography.Paragraph type="secondary">{t('segments.catalog.intro')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <div style={{ width: 260 }}>
          <OrgUnitTreeSelect
            value={orgUnit}
            onChange={(next) => setParams(next ? { orgUnit: next } : {})}
            placeholder={t('segments.filter.orgUnitPlaceholder')}
            testId="catalog-org-unit"
          />
        </div>
        <Select
          allowClear
          style={{ width: 160 }}
          placeholder={t('segments.catalog.filterDimension')}
          value={dimension}
          onChange={setDimension}
          options={definitions.dimensions.map((d) => ({ value: d.code, label: pick(d.name) }))}
        />
        {coverage && (
          <Typography.Text type="secondary" data-testid="catalog-scope">
            {t('segments.catalog.scopeOf', {
              unit: coverage.unit?.name ?? t('segments.catalog.wholeCompany'),
              count: coverage.customers,
            })}
          </Typography.Text>
        )}
      </Space>
      <div data-testid="tag-catalog">
        <Table<TagDef>
          rowKey="code"
          size="small"
          columns={columns}
          dataSource={rows}
          pagination={false}
          expandable={{
            expandedRowRender: (tag) => {
              const c = coverageOf.get(tag.code);
              return c && coverage ? (
                <div data-testid={`catalog-distribution-${tag.code}`}>
                  <Typography.Text strong>{t('segments.catalog.distribution')}</Typography.Text>
                  <TagCoverageChart tag={c} units={coverage.orgUnits} />
                </div>
              ) : null;
            },
            rowExpandable: (tag) => coverageOf.has(tag.code),
          }}
        />
      </div>
    </Card>
  );
}
