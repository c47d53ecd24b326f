import { Descriptions, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PortraitWhy } from '../api-client/portrait-endpoints.js';
import { usePortraitDefinitions } from '../hooks/use-portrait-definitions.js';
import { ConditionTree, PassMark } from './portrait-condition-tree.js';
import { formatFeatureValue, GRADE_COLORS, signed, usePickName } from './portrait-format.js';

type ScoreWhy = PortraitWhy & { element: 'score' };
type GradeWhy = PortraitWhy & { element: 'grade' };
type Rule = NonNullable<ScoreWhy['rules']>[number];
type Contribution = NonNullable<ScoreWhy['contributions']>[number];

/** A points table: every row, whether it fired, its points and the condition behind it. */
function PointsRules({ why }: { why: ScoreWhy }) {
  const { t } = useTranslation();
  const pick = usePickName();
  const columns: TableColumnsType<Rule> = [
    { title: '', dataIndex: 'passed', width: 32, render: (passed: boolean) => <PassMark passed={passed} /> },
    { title: t('portrait.why.reason'), dataIndex: 'reason', width: 180, render: pick },
    {
      title: t('portrait.why.points'),
      dataIndex: 'points',
      width: 64,
      align: 'right',
      render: (points: number, rule) => (
        // Points tables add risk as often as merit, so a fired row is shown plain, not green or red.
        <Typography.Text strong={rule.passed} {...(rule.passed ? {} : { type: 'secondary' as const })}>
          {signed(points)}
        </Typography.Text>
      ),
    },
    {
      title: t('portrait.why.condition'),
      key: 'condition',
      render: (_, rule) => <ConditionTree outcome={rule.outcome} features={why.features} />,
    },
  ];
  return (
    <Table<Rule>
      size="small"
      rowKey={(rule) => rule.reason.en}
      columns={columns}
      dataSource={why.rules ?? []}
      pagination={false}
      data-testid="why-points"
    />
  );
}

/** A weighted model: each feature's signed effect, largest first. */
function Contributions({ why }: { why: ScoreWhy }) {
  const { t } = useTranslation();
  const pick = usePickName();
  const definitions = usePortraitDefinitions();
  const nameOf = (code: string) => {
    const known = why.features.find((f) => f.code === code) ?? definitions?.features.find((f) => f.code === code);
    return known ? pick(known.name) : code;
  };
  const columns: TableColumnsType<Contribution> = [
    { title: t('portrait.why.feature'), dataIndex: 'feature', render: nameOf },
    {
      title: t('portrait.why.value'),
      dataIndex: 'value',
      width: 96,
      align: 'right',
      render: (value: number | null) => formatFeatureValue(value),
    },
    {
      title: t('portrait.why.effect'),
      dataIndex: 'contribution',
      width: 96,
      align: 'right',
      render: (c: number) => (
        <Typography.Text type={c > 0 ? 'danger' : 'success'}>{signed(Math.round(c * 100) / 100)}</Typography.Text>
      ),
    },
  ];
  return (
    <Table<Contribution>
      size="small"
      rowKey="feature"
      columns={columns}
      dataSource={why.contributions ?? []}
      pagination={false}
    />
  );
}

export function ScoreWhyBody({ why }: { why: ScoreWhy }) {
  const { t } = useTranslation();
  const pick = usePickName();
  return (
    <div data-testid="why-score">
      <Typography.Paragraph>
        {t('portrait.why.scoreIs', { name: pick(why.name), value: formatFeatureValue(why.value) })}
        <Typography.Text type="secondary"> · {t(`portrait.why.method.${why.method}`)}</Typography.Text>
      </Typography.Paragraph>
      {why.method === 'points' && <PointsRules why={why} />}
      {why.method === 'weighted' && <Contributions why={why} />}
    </div>
  );
}

/** A grade: the bands with the one the score falls in marked. */
export function GradeBands({ why }: { why: GradeWhy }) {
  const { t } = useTranslation();
  const pick = usePickName();
  const colors = GRADE_COLORS[why.code] ?? {};
  return (
    <Descriptions
      size="small"
      bordered
      column={1}
      data-testid="why-grade"
      items={why.bands.map((band) => ({
        key: band.grade,
        label: (
          <Tag color={band.grade === why.grade ? (colors[band.grade] ?? 'blue') : 'default'}>{pick(band.name)}</Tag>
        ),
        children: (
          <span>
            {t('portrait.why.bandFrom', { min: band.min })}
            {band.grade === why.grade && (
              <Typography.Text strong>
                {' '}
                ← {t('portrait.why.scoreHere', { value: formatFeatureValue(why.scoreValue) })}
              </Typography.Text>
            )}
          </span>
        ),
      }))}
    />
  );
}
