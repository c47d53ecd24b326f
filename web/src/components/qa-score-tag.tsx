import { FrownOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { QaFlagReason } from '../../../src/api/contract.js';

/** The pass line of the 95598 scheme: a result below it is flagged for an inspector. */
export const PASS_LINE = 80;

/** Red below 60, orange below the pass line, blue below 90, green from 90. */
export function scoreColor(score: number): string {
  if (score < 60) return '#cf1322';
  if (score < PASS_LINE) return '#d46b08';
  if (score < 90) return '#0958d9';
  return '#389e0d';
}

/** The final score in its colour; the machine score beside it when a review or appeal changed it. */
export function QaScoreTag({ score, machineScore }: { score: number; machineScore?: number }) {
  const { t } = useTranslation();
  const changed = machineScore !== undefined && machineScore !== score;
  return (
    <span data-testid="qa-score" data-score={score} style={{ whiteSpace: 'nowrap' }}>
      <Tag color={scoreColor(score)} style={{ fontWeight: 600, marginInlineEnd: 4 }}>
        {formatScore(score)}
      </Tag>
      {changed && (
        <Tooltip title={t('qa.machineScore')}>
          <span style={{ color: '#8c8c8c', fontSize: 12, textDecoration: 'line-through' }}>
            {formatScore(machineScore)}
          </span>
        </Tooltip>
      )}
    </span>
  );
}

export const formatScore = (score: number) => (Number.isInteger(score) ? String(score) : score.toFixed(1));

/** Points with their sign: −3 in red, +2 in green. */
export function QaPoints({ points }: { points: number }) {
  return (
    <span style={{ color: points < 0 ? '#cf1322' : '#389e0d', fontWeight: 600, whiteSpace: 'nowrap' }}>
      {points > 0 ? `+${points}` : points}
    </span>
  );
}

/** Why a result is in the queue; an angry customer gets its own badge. */
export function QaFlagTags({ reasons, angryCustomer }: { reasons: QaFlagReason[]; angryCustomer: boolean }) {
  const { t } = useTranslation();
  return (
    <span style={{ display: 'inline-flex', flexWrap: 'wrap', gap: 4 }}>
      {angryCustomer && (
        <Tag color="volcano" icon={<FrownOutlined />} data-testid="qa-angry-badge">
          {t('qa.flagReasons.angry_customer')}
        </Tag>
      )}
      {reasons
        .filter((reason) => reason !== 'angry_customer')
        .map((reason) => (
          <Tag key={reason} color={reason === 'veto' ? 'red' : 'orange'}>
            {t(`qa.flagReasons.${reason}`)}
          </Tag>
        ))}
    </span>
  );
}

/** The first three deducted rules by name, and how many more. */
export function QaDeductionTags({ codes, nameOf }: { codes: string[]; nameOf: (code: string) => string }) {
  return (
    <span style={{ display: 'inline-flex', flexWrap: 'wrap', gap: 4 }}>
      {codes.slice(0, 3).map((code) => (
        <Tag key={code}>{nameOf(code)}</Tag>
      ))}
      {codes.length > 3 && <Tag>+{codes.length - 3}</Tag>}
    </span>
  );
}
