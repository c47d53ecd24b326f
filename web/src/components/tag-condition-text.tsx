import { Typography } from 'antd';
import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PortraitDefinitions } from '../api-client/portrait-endpoints.js';
import { formatFeatureValue, OP_SIGN, usePickName } from './portrait-format.js';

type Condition = PortraitDefinitions['tags'][number]['when'];
type Feature = PortraitDefinitions['features'][number];

/**
 * A tag's condition in words: feature names with their thresholds ("停电报修数(12月) ≥ 2"),
 * groups joined by 且 / 或. The outer group is a list, one line per part, so a long rule
 * still reads top to bottom; inner groups stay on one line in brackets.
 */
export function TagConditionText({ condition, features }: { condition: Condition; features: Feature[] }) {
  const { t } = useTranslation();
  const pick = usePickName();
  const byCode = new Map(features.map((f) => [f.code, f]));

  const leafText = (leaf: Extract<Condition, { feature: string }>): ReactNode => {
    const feature = byCode.get(leaf.feature);
    return (
      <span data-testid="condition-leaf">
        <Typography.Text strong>{feature ? pick(feature.name) : leaf.feature}</Typography.Text>{' '}
        <Typography.Text code>
          {OP_SIGN[leaf.op] ?? leaf.op} {formatFeatureValue(leaf.value, feature?.aggregate)}
        </Typography.Text>
      </span>
    );
  };

  const inline = (c: Condition): ReactNode => {
    if ('feature' in c) return leafText(c);
    if ('not' in c)
      return (
        <>
          {t('segments.catalog.not')} ({inline(c.not)})
        </>
      );
    const joiner = 'all' in c ? t('segments.catalog.and') : t('segments.catalog.or');
    const parts = 'all' in c ? c.all : c.any;
    return (
      <>
        (
        {parts.map((part, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a definition's parts are a fixed list
          <Fragment key={i}>
            {i > 0 && ` ${joiner} `}
            {inline(part)}
          </Fragment>
        ))}
        )
      </>
    );
  };

  if ('feature' in condition) return <div>{leafText(condition)}</div>;
  if ('not' in condition) return <div>{inline(condition)}</div>;
  const parts = 'all' in condition ? condition.all : condition.any;
  if (parts.length === 1 && parts[0]) return <TagConditionText condition={parts[0]} features={features} />;
  return (
    <div data-testid="tag-condition">
      <Typography.Text type="secondary">{t(`segments.catalog.${'all' in condition ? 'all' : 'any'}`)}</Typography.Text>
      <ul style={{ margin: '2px 0 0', paddingLeft: 18 }}>
        {parts.map((part, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a definition's parts are a fixed list
          <li key={i}>{'feature' in part ? leafText(part) : inline(part)}</li>
        ))}
      </ul>
    </div>
  );
}
