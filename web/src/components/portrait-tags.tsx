import { Collapse, Descriptions, Empty, Input, Space, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerPortrait, PortraitDefinitions, PortraitElement } from '../api-client/portrait-endpoints.js';
import { TONE_COLOR, usePickName } from './portrait-format.js';

type Dimension = CustomerPortrait['dimensions'][number];

/** The customer's tags by dimension, each coloured by its tone; a click opens its why. */
export function PortraitTagsByDimension({
  dimensions,
  onOpen,
}: {
  dimensions: Dimension[];
  onOpen: (element: PortraitElement) => void;
}) {
  const { t } = useTranslation();
  const pick = usePickName();
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      data-testid="portrait-dimensions"
      styles={{ label: { width: 120 } }}
      items={dimensions.map((dimension) => ({
        key: dimension.code,
        label: pick(dimension.name),
        children: (
          <div data-testid={`portrait-dimension-${dimension.code}`}>
            {dimension.tags.length === 0 ? (
              <Typography.Text type="secondary">{t('portrait.noTags')}</Typography.Text>
            ) : (
              <Space size={[4, 8]} wrap>
                {dimension.tags.map((tag) => (
                  <Tooltip key={tag.code} title={pick(tag.description)}>
                    <Tag
                      color={TONE_COLOR[tag.tone]}
                      style={{ cursor: 'pointer' }}
                      onClick={() => onOpen(`tag:${tag.code}`)}
                      data-testid={`portrait-tag-${tag.code}`}
                    >
                      {pick(tag.name)}
                    </Tag>
                  </Tooltip>
                ))}
              </Space>
            )}
          </div>
        ),
      }))}
    />
  );
}

/**
 * "Why not": the catalog's customer tags this customer does not hold, searchable by name or
 * code, grouped by dimension; a click opens the same why panel, which shows what failed.
 */
export function PortraitWhyNot({
  portrait,
  definitions,
  onOpen,
}: {
  portrait: CustomerPortrait;
  definitions: PortraitDefinitions | undefined;
  onOpen: (element: PortraitElement) => void;
}) {
  const { t } = useTranslation();
  const pick = usePickName();
  const [search, setSearch] = useState('');
  const held = useMemo(
    () => new Set(portrait.dimensions.flatMap((d) => d.tags.map((tag) => tag.code))),
    [portrait.dimensions],
  );
  const missing = useMemo(
    () => (definitions?.tags ?? []).filter((tag) => tag.subject === 'customer' && !held.has(tag.code)),
    [definitions, held],
  );
  const needle = search.trim().toLowerCase();
  const shown = missing.filter(
    (tag) =>
      !needle ||
      tag.code.includes(needle) ||
      tag.name.zh.includes(needle) ||
      tag.name.en.toLowerCase().includes(needle),
  );

  const body = (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      <Input.Search
        allowClear
        placeholder={t('portrait.whyNot.search')}
        onChange={(e) => setSearch(e.target.value)}
        data-testid="why-not-search"
      />
      {shown.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        portrait.dimensions
          .map((dimension) => ({ dimension, tags: shown.filter((tag) => tag.dimension === dimension.code) }))
          .filter(({ tags }) => tags.length > 0)
          .map(({ dimension, tags }) => (
            <div key={dimension.code}>
              <Typography.Text type="secondary" style={{ marginRight: 8 }}>
                {pick(dimension.name)}
              </Typography.Text>
              <Space size={[4, 8]} wrap>
                {tags.map((tag) => (
                  <Tooltip key={tag.code} title={pick(tag.description)}>
                    <Tag
                      variant="outlined"
                      style={{ cursor: 'pointer', borderStyle: 'dashed' }}
                      onClick={() => onOpen(`tag:${tag.code}`)}
                      data-testid={`why-not-tag-${tag.code}`}
                    >
                      {pick(tag.name)}
                    </Tag>
                  </Tooltip>
                ))}
              </Space>
            </div>
          ))
      )}
    </Space>
  );

  return (
    <Collapse
      size="small"
      data-testid="why-not"
      items={[{ key: 'why-not', label: t('portrait.whyNot.title', { count: missing.length }), children: body }]}
    />
  );
}
