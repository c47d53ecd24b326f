import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Input, Popconfirm, Row, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { QaSchemeSummary, QaSchemeVersionDetail } from '../../../src/api/contract.js';
import { ApiError } from '../api-client/http.js';
import { qaApi } from '../api-client/qa-endpoints.js';
import { ApiErrorResult } from '../components/api-error-result.js';
import { PageSpinner } from '../components/page-spinner.js';
import { QaBacktestPanel } from '../components/qa-backtest-panel.js';
import { QaRuleComments } from '../components/qa-rule-comments.js';
import { QaRuleEditor } from '../components/qa-rule-editor.js';
import { QaRuleTable } from '../components/qa-rule-table.js';
import { QaSchemeStatusTag } from '../components/qa-scheme-status-tag.js';
import { QaTryPanel } from '../components/qa-try-panel.js';
import { useApiData } from '../hooks/use-api-data.js';
import { forgetQaRuleCatalog } from '../hooks/use-qa-rules.js';
import { describeApiError } from '../session/describe-api-error.js';
import { useCan } from '../session/session-context.js';
import { useErrorMessage } from '../session/use-error-message.js';

type Definition = Record<string, unknown> & { rules: unknown[] };

interface SaveError {
  message: string;
  ruleId: string | null;
  path: string | null;
  reason: string | null;
}

function saveErrorOf(t: Parameters<typeof describeApiError>[0], error: unknown): SaveError {
  const details = error instanceof ApiError ? (error.details ?? {}) : {};
  const text = (key: string) => (typeof details[key] === 'string' ? (details[key] as string) : null);
  const message = error instanceof ApiError ? error.message : describeApiError(t, error);
  return { message, ruleId: text('ruleId'), path: text('path'), reason: text('reason') };
}

function newRule(rules: unknown[], category: string): Record<string, unknown> {
  const taken = new Set(rules.map((rule) => (rule as { id?: unknown }).id));
  let n = 1;
  while (taken.has(`custom.rule_${n}`)) n++;
  return {
    id: `custom.rule_${n}`,
    name: '新规则',
    description: '说明这条规则查什么、为什么扣分。',
    category,
    points: -1,
    when: { op: 'keyword', words: ['示例用语'], speaker: 'agent' },
  };
}

/** 质检方案 editor for one version: rules as a form or JSON, "try it", backtest, save as draft, publish. */
export default function QaSchemeEditorPage() {
  const code = useParams().code ?? '';
  const version = Number(useParams().version) || 0;
  const [reloads, setReloads] = useState(0);
  const detail = useApiData(`${code}|${version}|${reloads}`, () => qaApi.schemeVersion(code, version));
  const schemes = useApiData(`schemes|${reloads}`, () => qaApi.schemes());
  // While another version loads, the previous one is still in hand: never start an editor on it.
  const current = detail.data?.code === code && detail.data.version === version ? detail.data : undefined;
  if (!current) return detail.loading ? <PageSpinner /> : <ApiErrorResult error={detail.error} />;
  const scheme = schemes.data?.items.find((s) => s.code === code) ?? null;
  return (
    <SchemeEditor
      key={`${code}|${version}|${reloads}`}
      detail={current}
      scheme={scheme}
      onReload={() => setReloads((n) => n + 1)}
    />
  );
}

function SchemeEditor({
  detail,
  scheme,
  onReload,
}: {
  detail: QaSchemeVersionDetail;
  scheme: QaSchemeSummary | null;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const showError = useErrorMessage();
  const canEdit = useCan('qa:scheme');
  const [working, setWorking] = useState<Definition>(() => structuredClone(detail.definition) as unknown as Definition);
  const [selected, setSelected] = useState<number | null>(detail.definition.rules.length > 0 ? 0 : null);
  const [dirty, setDirty] = useState(false);
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const [saveError, setSaveError] = useState<SaveError | null>(null);
  const categoryNames = useMemo(() => new Map(detail.categories.map((c) => [c.code, c.name])), [detail]);
  const rules = working.rules;
  const selectedRule = selected === null ? undefined : rules[selected];
  const selectedId = (selectedRule as { id?: unknown } | undefined)?.id;

  const update = (next: Definition) => {
    setWorking(next);
    setDirty(true);
  };
  const replaceRule = (index: number, rule: unknown) =>
    update({ ...working, rules: rules.map((r, i) => (i === index ? rule : r)) });

  const save = async () => {
    setSaving(true);
    setSaveError(null);
    try {
      const saved = await qaApi.saveDraft(detail.code, {
        definition: working,
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      message.success(t('qa.editor.saved', { version: saved.version }));
      navigate(`/qa/schemes/${encodeURIComponent(detail.code)}/versions/${saved.version}`);
    } catch (error) {
      const failure = saveErrorOf(t, error);
      setSaveError(failure);
      const index = rules.findIndex((rule) => (rule as { id?: unknown }).id === failure.ruleId);
      if (index >= 0) setSelected(index);
    } finally {
      setSaving(false);
    }
  };

  const publish = async () => {
    setPublishing(true);
    try {
      await qaApi.publish(detail.code, detail.version);
      forgetQaRuleCatalog();
      message.success(t('qa.editor.published', { version: detail.version }));
      onReload();
    } catch (error) {
      showError(error);
    } finally {
      setPublishing(false);
    }
  };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="qa-scheme-editor">
      <Card variant="borderless">
        <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
          <Space wrap align="center">
            <Link to="/qa/schemes">{t('qa.menu.schemes')}</Link>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {detail.name}
            </Typography.Title>
            <Tag>{detail.code}</Tag>
            <Tag data-testid="qa-editor-version">v{detail.version}</Tag>
            <QaSchemeStatusTag status={detail.status} />
            {dirty && <Tag color="orange">{t('qa.editor.unsaved')}</Tag>}
          </Space>
          {canEdit && (
            <Space wrap>
              <Input
                value={note}
                onChange={(event) => setNote(event.target.value)}
                placeholder={t('qa.editor.notePlaceholder')}
                style={{ width: 240 }}
                maxLength={500}
              />
              <Button type="primary" onClick={save} loading={saving} data-testid="qa-save-draft">
                {t('qa.editor.saveDraft')}
              </Button>
              {detail.status === 'draft' && (
                <Popconfirm title={t('qa.editor.publishConfirm')} onConfirm={publish} disabled={dirty}>
                  <Button loading={publishing} disabled={dirty} data-testid="qa-publish">
                    {t('qa.editor.publish')}
                  </Button>
                </Popconfirm>
              )}
            </Space>
          )}
        </Space>
        {detail.note && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {detail.note}
          </Typography.Paragraph>
        )}
        {saveError && (
          <Alert
            type="error"
            showIcon
            closable
            onClose={() => setSaveError(null)}
            style={{ marginTop: 12 }}
            message={t('qa.editor.invalid')}
            description={
              <>
                <div>{saveError.message}</div>
                {saveError.ruleId && (
                  <div>
                    {t('qa.editor.errorAt', { rule: saveError.ruleId, path: saveError.path ?? '' })}
                    {saveError.reason && ` — ${saveError.reason}`}
                  </div>
                )}
              </>
            }
            data-testid="qa-save-error"
          />
        )}
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={9}>
          <Card
            title={t('qa.editor.rules', { count: rules.length })}
            variant="borderless"
            size="small"
            extra={
              canEdit && (
                <Button
                  size="small"
                  icon={<PlusOutlined />}
                  onClick={() => {
                    const category = detail.categories[0]?.code ?? '';
                    update({ ...working, rules: [...rules, newRule(rules, category)] });
                    setSelected(rules.length);
                  }}
                  data-testid="qa-add-rule"
                >
                  {t('qa.editor.addRule')}
                </Button>
              )
            }
          >
            <QaRuleTable
              rules={rules}
              categoryNames={categoryNames}
              selectedIndex={selected}
              invalidRuleId={saveError?.ruleId ?? null}
              onSelect={setSelected}
            />
          </Card>
        </Col>
        <Col xs={24} xl={15}>
          <Card
            title={selectedRule ? t('qa.editor.ruleTitle', { id: String(selectedId ?? '') }) : t('qa.editor.noRule')}
            variant="borderless"
            size="small"
            extra={
              canEdit &&
              selected !== null && (
                <Popconfirm
                  title={t('qa.editor.removeConfirm')}
                  onConfirm={() => {
                    update({ ...working, rules: rules.filter((_, i) => i !== selected) });
                    setSelected(rules.length > 1 ? 0 : null);
                  }}
                >
                  <Button size="small" danger icon={<DeleteOutlined />}>
                    {t('qa.editor.removeRule')}
                  </Button>
                </Popconfirm>
              )
            }
          >
            {selected !== null && selectedRule !== undefined && (
              <QaRuleEditor
                key={selected}
                rule={selectedRule}
                categories={detail.categories}
                readOnly={!canEdit}
                onChange={(rule) => replaceRule(selected, rule)}
              />
            )}
          </Card>
        </Col>
      </Row>
      {typeof selectedId === 'string' && (
        <Card title={t('qa.comments.title')} variant="borderless" size="small">
          <QaRuleComments schemeCode={detail.code} ruleCode={selectedId} rule={selectedRule} />
        </Card>
      )}
      {canEdit && (
        <Card title={t('qa.try.title')} variant="borderless" size="small">
          <QaTryPanel definition={working} ruleCode={typeof selectedId === 'string' ? selectedId : null} />
        </Card>
      )}
      {canEdit && (
        <Card title={t('qa.backtest.title')} variant="borderless" size="small">
          <QaBacktestPanel
            scheme={scheme}
            version={detail.version}
            disabledReason={dirty ? t('qa.backtest.saveFirst') : null}
          />
        </Card>
      )}
    </Space>
  );
}
