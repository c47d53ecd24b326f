import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ConditionOutcome, FeatureEvidence } from '../api-client/portrait-endpoints.js';
import { formatFeatureValue, OP_SIGN, usePickName } from './portrait-format.js';

type Leaf = ConditionOutcome & { kind: 'leaf' };

export function PassMark({ passed }: { passed: boolean }) {
  return passed ? (
    <CheckCircleFilled style={{ color: '#52c41a' }} aria-label="passed" />
  ) : (
    <CloseCircleFilled style={{ color: '#f5222d' }} aria-label="failed" />
  );
}

/** How far a failed leaf is from passing, in the direction its operator asks. */
function GapText({ leaf, aggregate }: { leaf: Leaf; aggregate: FeatureEvidence['aggregate'] | undefined }) {
  const { t } = useTranslation();
  if (leaf.passed) return null;
  if (leaf.actual === null) return <Typography.Text type="secondary">{t('portrait.why.noValue')}</Typography.Text>;
  if (leaf.gap === null || leaf.op === '==' || leaf.op === '!=') return null;
  const gap = formatFeatureValue(Math.abs(leaf.gap), aggregate);
  const below = leaf.op === '>=' || leaf.op === '>';
  return (
    <Typography.Text type="danger">{t(below ? 'portrait.why.short' : 'portrait.why.over', { gap })}</Typography.Text>
  );
}

function LeafLine({ leaf, features }: { leaf: Leaf; features: FeatureEvidence[] }) {
  const { t } = useTranslation();
  const pick = usePickName();
  const feature = features.find((f) => f.code === leaf.feature);
  const aggregate = feature?.aggregate;
  return (
    <div data-testid="why-leaf" data-passed={leaf.passed} style={{ padding: '2px 0' }}>
      <PassMark passed={leaf.passed} />{' '}
      <Typography.Text strong>{feature ? pick(feature.name) : leaf.feature}</Typography.Text>{' '}
      <Typography.Text code>
        {OP_SIGN[leaf.op] ?? leaf.op} {formatFeatureValue(leaf.value, aggregate)}
      </Typography.Text>{' '}
      <Typography.Text type="secondary">
        {t('portrait.why.actual')} {formatFeatureValue(leaf.actual, aggregate)}
      </Typography.Text>{' '}
      <GapText leaf={leaf} aggregate={aggregate} />
    </div>
  );
}

/**
 * A condition as the evaluator decided it: every group (all / any / not) and leaf with its
 * threshold, the actual value and, for a failed leaf, how far it is from passing.
 */
export function ConditionTree({ outcome, features }: { outcome: ConditionOutcome; features: FeatureEvidence[] }) {
  const { t } = useTranslation();
  if (outcome.kind === 'leaf') return <LeafLine leaf={outcome} features={features} />;
  const children = outcome.kind === 'not' ? [outcome.child] : outcome.children;
  return (
    <div>
      <div>
        <PassMark passed={outcome.passed} />{' '}
        <Typography.Text type="secondary">{t(`portrait.why.group.${outcome.kind}`)}</Typography.Text>
      </div>
      <div style={{ marginLeft: 10, paddingLeft: 12, borderLeft: '2px solid #f0f0f0' }}>
        {children.map((child, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a definition's conditions are a fixed list, never reordered
          <ConditionTree key={i} outcome={child} features={features} />
        ))}
      </div>
    </div>
  );
}
