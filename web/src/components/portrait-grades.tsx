import { Card, Col, Progress, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CustomerPortrait, PortraitElement } from '../api-client/portrait-endpoints.js';
import { formatFeatureValue, GRADE_COLORS, usePickName } from './portrait-format.js';

type Grade = CustomerPortrait['grades'][number];
type Score = CustomerPortrait['scores'][number];

function GradeCard({ grade, score, onOpen }: { grade: Grade; score: Score | undefined; onOpen: () => void }) {
  const { t } = useTranslation();
  const pick = usePickName();
  const color = GRADE_COLORS[grade.code]?.[grade.grade ?? ''] ?? 'default';
  return (
    <Card
      size="small"
      hoverable
      onClick={onOpen}
      data-testid={`portrait-grade-${grade.code}`}
      data-grade={grade.grade ?? ''}
      styles={{ body: { padding: 12 } }}
    >
      <Typography.Text type="secondary">{pick(grade.name)}</Typography.Text>
      <div style={{ margin: '6px 0' }}>
        <Tag color={color} style={{ fontSize: 16, lineHeight: '26px', padding: '0 10px' }}>
          {grade.gradeName ? pick(grade.gradeName) : t('portrait.noGrade')}
        </Tag>
      </div>
      <div style={{ fontSize: 12 }}>
        <Typography.Text type="secondary">
          {score
            ? t('portrait.scoreOf', { name: pick(score.name), value: formatFeatureValue(score.value), max: score.max })
            : ''}
        </Typography.Text>
      </div>
      <Typography.Link style={{ fontSize: 12 }}>{t('portrait.why.open')}</Typography.Link>
    </Card>
  );
}

/**
 * The customer's grades (credit grade, fee risk class 1/2/3, activity level, …) as cards, and
 * the scores no grade bands as bars; a click opens the why of the grade or score.
 */
export function PortraitGrades({
  portrait,
  onOpen,
}: {
  portrait: CustomerPortrait;
  onOpen: (element: PortraitElement) => void;
}) {
  const pick = usePickName();
  const banded = new Set(portrait.grades.map((g) => g.score));
  const looseScores = portrait.scores.filter((s) => !banded.has(s.code));
  // Three grades sit in one row; four or more go two by two, so each card keeps its text on a line.
  const span = portrait.grades.length <= 3 ? 8 : 12;
  return (
    <Row gutter={[12, 12]}>
      {portrait.grades.map((grade) => (
        <Col key={grade.code} xs={24} sm={span}>
          <GradeCard
            grade={grade}
            score={portrait.scores.find((s) => s.code === grade.score)}
            onOpen={() => onOpen(`grade:${grade.code}`)}
          />
        </Col>
      ))}
      {looseScores.map((score) => (
        <Col key={score.code} xs={24} sm={12}>
          <Card
            size="small"
            hoverable
            onClick={() => onOpen(`score:${score.code}`)}
            data-testid={`portrait-score-${score.code}`}
            styles={{ body: { padding: 12 } }}
          >
            <Typography.Text type="secondary">{pick(score.name)}</Typography.Text>
            <Progress
              percent={score.value === null ? 0 : ((score.value - score.min) / (score.max - score.min || 1)) * 100}
              format={() => formatFeatureValue(score.value)}
              size="small"
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
