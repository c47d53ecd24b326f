import { Alert, AutoComplete, Button, Checkbox, Col, Input, Row, Segmented, Space, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QaTryRequest, QaTryResult } from '../../../src/api/contract.js';
import { ApiError } from '../api-client/http.js';
import { qaApi } from '../api-client/qa-endpoints.js';
import { describeApiError } from '../session/describe-api-error.js';
import { type QaHitLike, QaHitList } from './qa-hit-list.js';
import { QaScoreTag } from './qa-score-tag.js';
import { type QaMarkedHit, QaTranscript } from './qa-transcript.js';
import { parseTranscriptText } from './qa-transcript-text.js';

type Source = 'text' | 'call';
const SAMPLE =
  '坐席：您好，国网客服中心，工号3021，请问有什么可以帮您？\n客户：我家停电了，到底怎么回事！\n坐席：我不知道，你自己去查。';
const hitKey = (hit: QaHitLike) => `${hit.ruleCode}|${hit.turnSeq ?? ''}|${hit.charStart ?? ''}`;

/**
 * "Try it": runs the editor's working copy (saved or not) on a pasted transcript or a stored
 * call and shows the score and the hits in place. Once run, it runs again as the rule changes.
 */
export function QaTryPanel({ definition, ruleCode }: { definition: unknown; ruleCode: string | null }) {
  const { t } = useTranslation();
  const [source, setSource] = useState<Source>('text');
  const [text, setText] = useState('');
  const [callId, setCallId] = useState('');
  const [onlyRule, setOnlyRule] = useState(false);
  const [armed, setArmed] = useState(false);
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<QaTryResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [recentCalls, setRecentCalls] = useState<{ value: string; label: string }[]>([]);
  const runId = useRef(0);

  useEffect(() => {
    if (source !== 'call' || recentCalls.length > 0) return;
    qaApi.results({ flagged: true, pageSize: 20 }).then(
      ({ items }) =>
        setRecentCalls(
          items.map((r) => ({ value: r.callId, label: `${r.callId} · ${r.agent?.name ?? ''} · ${r.finalScore}` })),
        ),
      () => setRecentCalls([]),
    );
  }, [source, recentCalls.length]);

  const parsed = useMemo(() => parseTranscriptText(text), [text]);
  const request = useMemo<QaTryRequest | null>(() => {
    const scope = { definition, ...(onlyRule && ruleCode ? { ruleCode } : {}) };
    if (source === 'call') return callId.trim() ? { ...scope, callId: callId.trim() } : null;
    return parsed.ok && parsed.turns.length > 0 ? { ...scope, transcript: { turns: parsed.turns } } : null;
  }, [definition, onlyRule, ruleCode, source, callId, parsed]);

  const run = async (body: QaTryRequest) => {
    const id = ++runId.current;
    setRunning(true);
    try {
      const answer = await qaApi.tryScheme(body);
      if (id !== runId.current) return;
      setResult(answer);
      setError(null);
    } catch (failure) {
      if (id !== runId.current) return;
      const details = failure instanceof ApiError ? failure.details : undefined;
      const where =
        details && typeof details.ruleId === 'string' ? ` [${details.ruleId} · ${String(details.path ?? '')}]` : '';
      setError(`${describeApiError(t, failure)}${where}`);
    } finally {
      if (id === runId.current) setRunning(false);
    }
  };

  // Live: after the first run, every change of the rule or the transcript runs again (debounced).
  // biome-ignore lint/correctness/useExhaustiveDependencies: run is recreated each render; request names the inputs
  useEffect(() => {
    if (!armed || !request) return;
    const timer = setTimeout(() => void run(request), 500);
    return () => clearTimeout(timer);
  }, [armed, request]);

  const marked = useMemo<QaMarkedHit[]>(
    () =>
      (result?.hits ?? []).map((hit) => ({
        key: hitKey(hit),
        ruleCode: hit.ruleCode,
        ruleName: hit.ruleName,
        points: hit.points,
        evidence: hit.evidence.length > 0 ? hit.evidence : [hit],
      })),
    [result],
  );

  return (
    <div data-testid="qa-try-panel">
      <Row gutter={16}>
        <Col xs={24} lg={10}>
          <Space direction="vertical" style={{ width: '100%' }}>
            <Segmented<Source>
              value={source}
              onChange={setSource}
              options={[
                { value: 'text', label: t('qa.try.paste') },
                { value: 'call', label: t('qa.try.pickCall') },
              ]}
            />
            {source === 'text' ? (
              <>
                <Input.TextArea
                  value={text}
                  onChange={(event) => setText(event.target.value)}
                  autoSize={{ minRows: 8, maxRows: 20 }}
                  placeholder={SAMPLE}
                  data-testid="qa-try-text"
                />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('qa.try.format')}
                </Typography.Text>
                {!parsed.ok && (
                  <Alert
                    type="warning"
                    showIcon
                    message={t('qa.try.badLine', { line: parsed.line, text: parsed.text })}
                  />
                )}
              </>
            ) : (
              <AutoComplete
                value={callId}
                onChange={setCallId}
                options={recentCalls}
                placeholder={t('qa.try.callPlaceholder')}
                style={{ width: '100%' }}
                data-testid="qa-try-call"
              />
            )}
            <Space wrap>
              <Button
                type="primary"
                loading={running}
                disabled={!request}
                onClick={() => {
                  setArmed(true);
                  if (request) void run(request);
                }}
                data-testid="qa-try-run"
              >
                {t('qa.try.run')}
              </Button>
              <Checkbox checked={onlyRule} disabled={!ruleCode} onChange={(event) => setOnlyRule(event.target.checked)}>
                {t('qa.try.onlyRule')}
              </Checkbox>
              {armed && <Typography.Text type="secondary">{t('qa.try.live')}</Typography.Text>}
            </Space>
            {error && <Alert type="error" showIcon message={error} data-testid="qa-try-error" />}
          </Space>
        </Col>
        <Col xs={24} lg={14}>
          {result ? (
            <Space direction="vertical" style={{ width: '100%' }} data-testid="qa-try-result">
              <Space>
                <Typography.Text>{t('qa.try.score')}</Typography.Text>
                <QaScoreTag score={result.score} />
                <Typography.Text type="secondary">
                  {t('qa.try.summary', { hits: result.hits.length, passed: result.passedRules.length })}
                </Typography.Text>
              </Space>
              <Row gutter={12}>
                <Col xs={24} xl={12}>
                  <div style={{ maxHeight: 420, overflowY: 'auto' }}>
                    <QaTranscript turns={result.turns} hits={marked} selectedKey={selected} onSelect={setSelected} />
                  </div>
                </Col>
                <Col xs={24} xl={12}>
                  <div style={{ maxHeight: 420, overflowY: 'auto' }}>
                    <QaHitList hits={result.hits} keyOf={hitKey} selectedKey={selected} onSelect={setSelected} />
                  </div>
                </Col>
              </Row>
            </Space>
          ) : (
            <Typography.Text type="secondary">{t('qa.try.empty')}</Typography.Text>
          )}
        </Col>
      </Row>
    </div>
  );
}
