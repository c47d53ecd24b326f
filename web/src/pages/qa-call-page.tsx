import { BookOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Row, Select, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import type { QaCallDetail, QaHit } from '../../../src/api/contract.js';
import { qaApi } from '../api-client/qa-endpoints.js';
import { ApiErrorResult } from '../components/api-error-result.js';
import { PageSpinner } from '../components/page-spinner.js';
import { QaAppealDialog } from '../components/qa-appeal-dialog.js';
import { QaAppealHistory, QaAppealStatusTag } from '../components/qa-appeal-history.js';
import { QaCaseLibraryDialog } from '../components/qa-case-library-dialog.js';
import { QaCategoryScores } from '../components/qa-category-scores.js';
import { QaHitList } from '../components/qa-hit-list.js';
import { QaReviewForm } from '../components/qa-review-form.js';
import { QaFlagTags, QaScoreTag } from '../components/qa-score-tag.js';
import { type QaMarkedHit, QaTranscript } from '../components/qa-transcript.js';
import { useApiData } from '../hooks/use-api-data.js';
import { useVocabulary } from '../session/vocabulary-context.js';

type DetailResult = NonNullable<QaCallDetail['result']>;

const hitKey = (hit: QaHit) => String(hit.hitId);

/** 通话质检详情: the transcript with every hit highlighted, the hits and their why, review and appeals. */
export default function QaCallPage() {
  const { t } = useTranslation();
  const { label } = useVocabulary();
  const callId = useParams().callId ?? '';
  const [params, setParams] = useSearchParams();
  const resultId = Number(params.get('resultId')) || undefined;
  const [version, setVersion] = useState(0);
  const [selected, setSelected] = useState<string | null>(null);
  const [appealing, setAppealing] = useState<QaHit | null>(null);
  const [addingToLibrary, setAddingToLibrary] = useState(false);
  const { data, loading, error } = useApiData(`${callId}|${resultId ?? ''}|${version}`, () =>
    qaApi.call(callId, resultId),
  );
  const reload = () => setVersion((v) => v + 1);

  const marked = useMemo<QaMarkedHit[]>(
    () =>
      (data?.result?.hits ?? []).map((hit) => ({
        key: hitKey(hit),
        ruleCode: hit.ruleCode,
        ruleName: hit.ruleName,
        points: hit.points,
        evidence: hit.evidence.length > 0 ? hit.evidence : [hit],
      })),
    [data],
  );

  if (loading && !data) return <PageSpinner />;
  if (!data) return <ApiErrorResult error={error} />;
  const result: DetailResult | null = data.result;
  const seconds = data.durationS;

  const appealCell = (hit: QaHit) => {
    if (hit.appeal) return <QaAppealStatusTag status={hit.appeal.status} />;
    if (!data.may.appeal || hit.points >= 0) return null;
    return (
      <Button
        size="small"
        onClick={(event) => {
          event.stopPropagation();
          setAppealing(hit);
        }}
        data-testid="qa-appeal-button"
      >
        {t('qa.appeal.button')}
      </Button>
    );
  };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card variant="borderless" data-testid="qa-call-header">
        <Space align="center" wrap style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
          <Space align="center" wrap>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('qa.call.title')}
            </Typography.Title>
            <Tag>{data.callId}</Tag>
            {result && <QaScoreTag score={result.finalScore} machineScore={result.machineScore} />}
            {result && <QaFlagTags reasons={result.flagReasons} angryCustomer={result.angryCustomer} />}
          </Space>
          <Space wrap>
            {data.otherResults.length > 0 && result && (
              <Select<number>
                value={result.resultId}
                style={{ minWidth: 260 }}
                onChange={(next) => setParams({ resultId: String(next) })}
                options={[result, ...data.otherResults].map((r) => ({
                  value: r.resultId,
                  label: `${r.scheme.code} v${r.scheme.version}${r.topicId !== null ? ` · ${t('qa.topicResult')}` : ''} · ${r.finalScore}`,
                }))}
              />
            )}
            {data.may.addToCaseLibrary && (
              <Button icon={<BookOutlined />} onClick={() => setAddingToLibrary(true)} data-testid="qa-add-to-library">
                {data.caseLibraryEntryIds.length > 0 ? t('qa.library.addAgain') : t('qa.library.add')}
              </Button>
            )}
          </Space>
        </Space>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 4 }}
          items={[
            { key: 'channel', label: t('qa.columns.channel'), children: label('channels', data.channel) },
            {
              key: 'at',
              label: t('qa.columns.startedAt'),
              children: `${dayjs(data.startedAt).format('YYYY-MM-DD HH:mm:ss')} · ${t('case.duration', {
                minutes: Math.floor(seconds / 60),
                seconds: seconds % 60,
              })}`,
            },
            {
              key: 'agent',
              label: t('qa.columns.agent'),
              children: data.agent ? (
                <Link to={`/qa/agents/${encodeURIComponent(data.agent.employeeNo)}`}>
                  {data.agent.name} ({data.agent.employeeNo})
                </Link>
              ) : (
                t('common.none')
              ),
            },
            { key: 'team', label: t('qa.columns.team'), children: data.orgUnit?.name ?? t('common.none') },
            {
              key: 'customer',
              label: t('case.customer'),
              children: data.customer ? (
                <Link to={`/customers/${encodeURIComponent(data.customer.customerNo)}`}>
                  {data.customer.name} ({data.customer.customerNo})
                </Link>
              ) : (
                t('common.none')
              ),
            },
            {
              key: 'case',
              label: t('case.title'),
              children: data.caseId ? (
                <Link to={`/cases/${encodeURIComponent(data.caseId)}`}>{data.caseId}</Link>
              ) : (
                t('common.none')
              ),
            },
            {
              key: 'scheme',
              label: t('qa.scheme'),
              children: result ? `${result.scheme.code} v${result.scheme.version}` : t('qa.call.notInspected'),
            },
            {
              key: 'hits',
              label: t('qa.hitCount'),
              children: result
                ? t('qa.call.hitSummary', { hits: result.hitCount, passed: result.passedRuleCount })
                : '',
            },
          ]}
        />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card title={t('case.transcript')} variant="borderless" size="small">
            <div style={{ maxHeight: '72vh', overflowY: 'auto', paddingInlineEnd: 4 }}>
              <QaTranscript turns={data.turns} hits={marked} selectedKey={selected} onSelect={setSelected} />
            </div>
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Card title={t('qa.hits')} variant="borderless" size="small">
              {result ? (
                <QaHitList<QaHit>
                  hits={result.hits}
                  keyOf={hitKey}
                  selectedKey={selected}
                  onSelect={setSelected}
                  extra={appealCell}
                />
              ) : (
                <Typography.Text type="secondary">{t('qa.call.notInspected')}</Typography.Text>
              )}
            </Card>
            {result && (
              <Card title={t('qa.categoryScores')} variant="borderless" size="small">
                <QaCategoryScores scores={result.categoryScores} />
              </Card>
            )}
            {result && (data.may.review || data.reviews.length > 0) && (
              <Card title={t('qa.review.title')} variant="borderless" size="small">
                <QaReviewForm
                  callId={data.callId}
                  resultId={result.resultId}
                  baseScore={100}
                  defaultScore={result.finalScore}
                  reviews={data.reviews}
                  canReview={data.may.review}
                  onSaved={reload}
                />
              </Card>
            )}
            <Card title={t('qa.appeal.history')} variant="borderless" size="small">
              <QaAppealHistory appeals={data.appeals} />
            </Card>
          </Space>
        </Col>
      </Row>
      <QaAppealDialog
        hit={appealing}
        onClose={() => setAppealing(null)}
        onFiled={() => {
          setAppealing(null);
          reload();
        }}
      />
      <QaCaseLibraryDialog
        open={addingToLibrary}
        callId={data.callId}
        onClose={() => setAddingToLibrary(false)}
        onSaved={() => {
          setAddingToLibrary(false);
          reload();
        }}
      />
    </Space>
  );
}
