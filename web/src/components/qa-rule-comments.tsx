import { Button, Checkbox, Form, Input, List, Radio, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QaRuleComment } from '../../../src/api/contract.js';
import { qaApi } from '../api-client/qa-endpoints.js';
import { useApiData } from '../hooks/use-api-data.js';
import { useErrorMessage } from '../session/use-error-message.js';

interface Values {
  kind: QaRuleComment['kind'];
  body: string;
  attachRule: boolean;
}

/**
 * Agents and inspectors comment on a rule or propose a change (标准共建): the thread of the
 * rule and a form; a proposal may carry the rule as the editor holds it (checked by the server).
 */
export function QaRuleComments({
  schemeCode,
  ruleCode,
  rule,
}: {
  schemeCode: string;
  ruleCode: string;
  rule: unknown;
}) {
  const { t } = useTranslation();
  const showError = useErrorMessage();
  const [form] = Form.useForm<Values>();
  const [version, setVersion] = useState(0);
  const [saving, setSaving] = useState(false);
  const { data } = useApiData(`${schemeCode}|${ruleCode}|${version}`, () => qaApi.ruleComments(schemeCode, ruleCode));
  const kind = Form.useWatch('kind', form);

  const submit = async (values: Values) => {
    setSaving(true);
    try {
      await qaApi.addRuleComment(schemeCode, ruleCode, {
        kind: values.kind,
        body: values.body.trim(),
        ...(values.kind === 'proposal' && values.attachRule ? { proposedRule: rule } : {}),
      });
      form.resetFields(['body']);
      setVersion((v) => v + 1);
    } catch (error) {
      showError(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <div data-testid="qa-rule-comments">
      <List<QaRuleComment>
        size="small"
        dataSource={data?.items ?? []}
        locale={{ emptyText: t('qa.comments.none') }}
        renderItem={(comment) => (
          <List.Item key={comment.commentId} style={{ display: 'block' }}>
            <Space size={6} wrap>
              <Tag color={comment.kind === 'proposal' ? 'purple' : 'default'}>
                {t(`qa.comments.kinds.${comment.kind}`)}
              </Tag>
              <Typography.Text strong>{comment.author.displayName}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {dayjs(comment.createdAt).format('YYYY-MM-DD HH:mm')}
              </Typography.Text>
            </Space>
            <div style={{ whiteSpace: 'pre-wrap' }}>{comment.body}</div>
            {comment.proposedRule !== null && (
              <Typography.Paragraph
                code
                ellipsis={{ rows: 2, expandable: true }}
                style={{ fontSize: 12, marginBottom: 0, whiteSpace: 'pre-wrap' }}
              >
                {JSON.stringify(comment.proposedRule, null, 2)}
              </Typography.Paragraph>
            )}
          </List.Item>
        )}
      />
      <Form<Values>
        form={form}
        layout="vertical"
        size="small"
        initialValues={{ kind: 'comment', body: '', attachRule: true }}
        onFinish={submit}
      >
        <Form.Item name="kind" style={{ marginBottom: 8 }}>
          <Radio.Group
            options={[
              { value: 'comment', label: t('qa.comments.kinds.comment') },
              { value: 'proposal', label: t('qa.comments.kinds.proposal') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="body"
          rules={[{ required: true, whitespace: true, message: t('qa.comments.bodyRequired') }]}
          style={{ marginBottom: 8 }}
        >
          <Input.TextArea rows={2} maxLength={4000} placeholder={t('qa.comments.placeholder')} />
        </Form.Item>
        <Space>
          {kind === 'proposal' && (
            <Form.Item name="attachRule" valuePropName="checked" noStyle>
              <Checkbox>{t('qa.comments.attachRule')}</Checkbox>
            </Form.Item>
          )}
          <Button htmlType="submit" loading={saving}>
            {t('qa.comments.submit')}
          </Button>
        </Space>
      </Form>
    </div>
  );
}
