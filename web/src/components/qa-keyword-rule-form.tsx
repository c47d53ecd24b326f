import { Checkbox, Form, Input, InputNumber, Radio, Select, Space } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { QaSchemeVersionDetail } from '../../../src/api/contract.js';
import type { KeywordRuleFields } from './qa-keyword-rule.js';

const WINDOW_KINDS = ['none', 'firstTurns', 'lastTurns', 'firstSeconds', 'lastSeconds'] as const;

/** The simple form for keyword rules: words, speaker, position, present or absent, points. */
export function QaKeywordRuleForm({
  fields,
  categories,
  onChange,
}: {
  fields: KeywordRuleFields;
  categories: QaSchemeVersionDetail['categories'];
  onChange: (fields: KeywordRuleFields) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<KeywordRuleFields>();
  // The JSON tab may change the rule too; the form follows it.
  useEffect(() => form.setFieldsValue(fields), [form, fields]);
  const windowKind = Form.useWatch('windowKind', form);

  return (
    <Form<KeywordRuleFields>
      form={form}
      layout="vertical"
      size="small"
      initialValues={fields}
      onValuesChange={(_, all) => onChange({ ...fields, ...all })}
      data-testid="qa-keyword-form"
    >
      <Space size={12} wrap style={{ width: '100%' }}>
        <Form.Item name="id" label={t('qa.editor.ruleId')} style={{ minWidth: 240 }}>
          <Input />
        </Form.Item>
        <Form.Item name="name" label={t('qa.editor.ruleName')} style={{ minWidth: 200 }}>
          <Input />
        </Form.Item>
        <Form.Item name="category" label={t('qa.category')}>
          <Select style={{ width: 140 }} options={categories.map((c) => ({ value: c.code, label: c.name }))} />
        </Form.Item>
        <Form.Item name="points" label={t('qa.points')}>
          <InputNumber style={{ width: 90 }} />
        </Form.Item>
      </Space>
      <Form.Item name="description" label={t('qa.editor.description')}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item name="mode" label={t('qa.editor.mode')}>
        <Radio.Group
          options={[
            { value: 'present', label: t('qa.editor.modes.present') },
            { value: 'absent', label: t('qa.editor.modes.absent') },
          ]}
        />
      </Form.Item>
      <Form.Item name="words" label={t('qa.editor.words')} extra={t('qa.editor.wordsHint')}>
        <Select mode="tags" tokenSeparators={[',', '，', '|']} data-testid="qa-keyword-words" />
      </Form.Item>
      <Space size={12} wrap>
        <Form.Item name="speaker" label={t('qa.editor.speaker')}>
          <Select
            style={{ width: 110 }}
            options={(['any', 'agent', 'customer', 'system'] as const).map((s) => ({
              value: s,
              label: s === 'any' ? t('common.all') : t(`case.speakers.${s}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="windowKind" label={t('qa.editor.window')}>
          <Select
            style={{ width: 130 }}
            options={WINDOW_KINDS.map((kind) => ({ value: kind, label: t(`qa.editor.windows.${kind}`) }))}
          />
        </Form.Item>
        {windowKind !== 'none' && (
          <Form.Item name="windowSize" label={t('qa.editor.windowSize')}>
            <InputNumber min={1} style={{ width: 90 }} />
          </Form.Item>
        )}
        <Form.Item name="minCount" label={t('qa.editor.minCount')}>
          <InputNumber min={1} style={{ width: 90 }} placeholder="1" />
        </Form.Item>
      </Space>
      <Space size={16} wrap>
        <Form.Item name="wholeWord" valuePropName="checked" noStyle>
          <Checkbox>{t('qa.editor.wholeWord')}</Checkbox>
        </Form.Item>
        <Form.Item name="veto" valuePropName="checked" noStyle>
          <Checkbox>{t('qa.veto')}</Checkbox>
        </Form.Item>
        <Form.Item name="enabled" valuePropName="checked" noStyle>
          <Checkbox>{t('qa.editor.enabled')}</Checkbox>
        </Form.Item>
      </Space>
    </Form>
  );
}
