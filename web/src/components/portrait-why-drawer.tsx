import { Alert, Divider, Drawer, Skeleton, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PortraitElement, PortraitWhy } from '../api-client/portrait-endpoints.js';
import { useErrorMessage } from '../session/use-error-message.js';
import { ConditionTree } from './portrait-condition-tree.js';
import { FeatureEvidenceList } from './portrait-evidence.js';
import { GRADE_COLORS, usePickName } from './portrait-format.js';
import { GradeBands, ScoreWhyBody } from './portrait-score-why.js';

export type LoadWhy = (element: PortraitElement) => Promise<PortraitWhy>;

interface Loaded {
  element: PortraitElement;
  why: PortraitWhy;
  /** For a grade, the score it bands, explained too (its points table or model). */
  score?: PortraitWhy;
}

function useExplanation(element: PortraitElement | null, load: LoadWhy): Loaded | null {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const showError = useErrorMessage();
  // biome-ignore lint/correctness/useExhaustiveDependencies: `load` changes with its subject and as-of, which the caller keys
  useEffect(() => {
    if (!element) return;
    let current = true;
    setLoaded(null);
    (async () => {
      const why = await load(element);
      const score = why.element === 'grade' ? await load(`score:${why.score}`) : undefined;
      if (current) setLoaded({ element, why, ...(score ? { score } : {}) });
    })().catch((error: unknown) => current && showError(error));
    return () => {
      current = false;
    };
  }, [element, showError]);
  return loaded && loaded.element === element ? loaded : null;
}

function Verdict({ why }: { why: PortraitWhy }) {
  const { t } = useTranslation();
  const pick = usePickName();
  if (why.element === 'tag')
    return (
      <Alert
        type={why.held ? 'success' : 'warning'}
        showIcon
        data-testid="why-verdict"
        title={t(why.held ? 'portrait.why.held' : 'portrait.why.notHeld', { name: pick(why.name) })}
      />
    );
  if (why.element === 'grade')
    return (
      <Space data-testid="why-verdict">
        <Typography.Text>{pick(why.name)}</Typography.Text>
        <Tag color={GRADE_COLORS[why.code]?.[why.grade ?? ''] ?? 'blue'}>
          {pick(why.bands.find((b) => b.grade === why.grade)?.name) || why.grade || '—'}
        </Tag>
      </Space>
    );
  return null;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <>
      <Divider titlePlacement="start" style={{ marginTop: 16 }}>
        {title}
      </Divider>
      {children}
    </>
  );
}

/**
 * Why a subject holds a tag, score or grade — or why not: the condition as decided with each
 * threshold and actual value, the features' values and the rows behind them. `children`
 * follows (e.g. the notes on this element).
 */
export function PortraitWhyDrawer({
  element,
  load,
  onClose,
  children,
}: {
  element: PortraitElement | null;
  load: LoadWhy;
  onClose: () => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const pick = usePickName();
  const loaded = useExplanation(element, load);
  const why = loaded?.why;
  const score = loaded?.score;

  return (
    <Drawer
      open={element !== null}
      onClose={onClose}
      size={800}
      destroyOnHidden
      title={why ? t('portrait.why.title', { name: pick(why.name) }) : t('portrait.why.loading')}
      data-testid="why-drawer"
    >
      {!why ? (
        <Skeleton active />
      ) : (
        <div data-testid="why-content" data-element={loaded.element}>
          <Verdict why={why} />
          {why.element === 'tag' && (
            <Section title={t('portrait.why.conditionTitle')}>
              <div data-testid="why-condition">
                <ConditionTree outcome={why.outcome} features={why.features} />
              </div>
            </Section>
          )}
          {why.element === 'grade' && (
            <Section title={t('portrait.why.bands')}>
              <GradeBands why={why} />
            </Section>
          )}
          {why.element === 'score' && (
            <Section title={t('portrait.why.scoreTitle')}>
              <ScoreWhyBody why={why} />
            </Section>
          )}
          {score?.element === 'score' && (
            <Section title={t('portrait.why.scoreTitle')}>
              <ScoreWhyBody why={score} />
            </Section>
          )}
          <Section title={t('portrait.why.featuresTitle')}>
            <FeatureEvidenceList features={why.features.length > 0 ? why.features : (score?.features ?? [])} />
          </Section>
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12 }}>
            {t('portrait.why.asOf', { at: dayjs(why.validFrom).format('YYYY-MM-DD HH:mm') })}
          </Typography.Paragraph>
          {children}
        </div>
      )}
    </Drawer>
  );
}
