import { Alert, Input, Tabs, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QaSchemeVersionDetail } from '../../../src/api/contract.js';
import { keywordFieldsOf, keywordRuleFrom } from './qa-keyword-rule.js';
import { QaKeywordRuleForm } from './qa-keyword-rule-form.js';

const pretty = (value: unknown) => JSON.stringify(value, null, 2);

/**
 * One rule of the working copy: as JSON (any rule) or, for keyword rules, as a form. The
 * JSON is checked for syntax as it is typed; whether the rule is valid is the server's answer
 * at save time (unknown operator, invalid regex, empty keyword list …).
 */
export function QaRuleEditor({
  rule,
  categories,
  readOnly,
  onChange,
}: {
  rule: unknown;
  categories: QaSchemeVersionDetail['categories'];
  readOnly: boolean;
  onChange: (rule: unknown) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(() => pretty(rule));
  const [syntaxError, setSyntaxError] = useState<string | null>(null);
  const [tab, setTab] = useState<string>(() => (keywordFieldsOf(rule) ? 'form' : 'json'));
  // What this editor last sent up, so a rule coming back from the parent does not rewrite the text being typed.
  const emitted = useRef<string>(JSON.stringify(rule));

  useEffect(() => {
    const incoming = JSON.stringify(rule);
    if (incoming === emitted.current) return;
    emitted.current = incoming;
    setText(pretty(rule));
    setSyntaxError(null);
  }, [rule]);

  const fields = useMemo(() => keywordFieldsOf(rule), [rule]);

  const emit = (next: unknown) => {
    emitted.current = JSON.stringify(next);
    onChange(next);
  };

  const onText = (value: string) => {
    setText(value);
    try {
      const parsed: unknown = JSON.parse(value);
      setSyntaxError(null);
      emit(parsed);
    } catch (error) {
      setSyntaxError((error as Error).message);
    }
  };

  const json = (
    <>
      <Input.TextArea
        value={text}
        onChange={(event) => onText(event.target.value)}
        readOnly={readOnly}
        autoSize={{ minRows: 14, maxRows: 30 }}
        spellCheck={false}
        style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 12 }}
        data-testid="qa-rule-json"
      />
      {syntaxError && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 8 }}
          message={t('qa.editor.jsonSyntax')}
          description={syntaxError}
          data-testid="qa-rule-json-syntax"
        />
      )}
    </>
  );

  const items = [
    ...(fields && !readOnly
      ? [
          {
            key: 'form',
            label: t('qa.editor.formTab'),
            children: (
              <QaKeywordRuleForm
                fields={fields}
                categories={categories}
                onChange={(next) => {
                  const updated = keywordRuleFrom(next, rule);
                  setText(pretty(updated));
                  emit(updated);
                }}
              />
            ),
          },
        ]
      : []),
    { key: 'json', label: t('qa.editor.jsonTab'), children: json },
  ];

  return (
    <>
      <Tabs
        size="small"
        activeKey={fields && !readOnly ? tab : 'json'}
        onChange={setTab}
        items={items}
        data-testid="qa-rule-editor"
      />
      {!fields && !readOnly && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('qa.editor.jsonOnly')}
        </Typography.Text>
      )}
    </>
  );
}
