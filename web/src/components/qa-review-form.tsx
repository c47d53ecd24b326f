import { Button, Form, Input, InputNumber, List, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QaReview } from '../../../src/api/contract.js';
import { qaApi } from '../api-client/qa-endpoints.js';
import { useErrorMessage } from '../session/use-error-message.js';
import { formatScore } from './qa-score-tag.js';

interface Values {
  score: number;
  comment: string;
}

/** The reviews written so far, and (with qa:inspect) a form for a manual review: score and comment. */
export function QaReviewForm({
  callId,
  resultId,
  baseScore,
  defaultScore,
  reviews,
  canReview,
  onSaved,
}: {
  callId: string;
  resultId: number;
  baseScore: number;
  defaultScore: number;
  reviews: QaReview[];
  canReview: boolean;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const showError = useErrorMessage();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);

  const submit = async (values: Values) => {
    setSaving(true);
    try {
      await qaApi.review(callId, { resultId, score: values.score, comment: values.comment.trim() });
      form.resetFields(['comment']);
      onSaved();
    } catch (error) {
      showError(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      {reviews.length > 0 && (
        <List<QaReview>
          size="small"
          dataSource={reviews}
          data-testid="qa-reviews"
          renderItem={(review) => (
            <List.Item key={review.reviewId} style={{ display: 'block' }}>
              <Typography.Text strong>{formatScore(review.score)}</Typography.Text>{' '}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {review.inspector.displayName} · {dayjs(review.createdAt).format('YYYY-MM-DD HH:mm')}
              </Typography.Text>
              <div style={{ whiteSpace: 'pre-wrap' }}>{review.comment}</div>
            </List.Item>
          )}
        />
      )}
      {canReview && (
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ score: defaultScore, comment: '' }}
          onFinish={submit}
          style={{ marginTop: 8 }}
          data-testid="qa-review-form"
        >
          <Form.Item name="score" label={t('qa.review.score')} rules={[{ required: true }]}>
            <InputNumber min={0} max={baseScore} step={1} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item
            name="comment"
            label={t('qa.review.comment')}
            rules={[{ required: true, whitespace: true, message: t('qa.review.commentRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={2000} placeholder={t('qa.review.commentPlaceholder')} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="qa-review-submit">
            {t('qa.review.submit')}
          </Button>
        </Form>
      )}
    </>
  );
}
