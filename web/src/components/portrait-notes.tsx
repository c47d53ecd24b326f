import { App, Button, Empty, Form, Input, Radio, Select, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type NoteStance,
  type PortraitDefinitions,
  type PortraitNote,
  portraitApi,
} from '../api-client/portrait-endpoints.js';
import { useErrorMessage } from '../session/use-error-message.js';
import { usePickName } from './portrait-format.js';

const STANCE_COLOR: Record<NoteStance, string> = { confirm: 'green', dispute: 'red', comment: 'blue' };
const STANCES: NoteStance[] = ['confirm', 'dispute', 'comment'];

/** 'tag:x' → the tag's name, 'portrait' → the whole portrait; unknown codes as they are. */
export function useElementLabel(definitions: PortraitDefinitions | undefined): (element: string) => string {
  const { t } = useTranslation();
  const pick = usePickName();
  return (element) => {
    if (element === 'portrait') return t('portrait.notes.wholePortrait');
    const [type, code] = element.split(':', 2);
    const list = type === 'tag' ? definitions?.tags : type === 'score' ? definitions?.scores : definitions?.grades;
    const found = list?.find((d) => d.code === code);
    return found ? pick(found.name) : element;
  };
}

/** Staff notes on the portrait (C9), newest first: stance, element, text, author and time. */
export function PortraitNotesList({
  notes,
  definitions,
}: {
  notes: PortraitNote[];
  definitions: PortraitDefinitions | undefined;
}) {
  const { t } = useTranslation();
  const elementLabel = useElementLabel(definitions);
  if (notes.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('portrait.notes.empty')} />;
  return (
    <div data-testid="portrait-notes">
      {notes.map((note) => (
        <div
          key={note.noteId}
          data-testid="portrait-note"
          style={{ padding: '6px 0', borderBottom: '1px solid #f0f0f0' }}
        >
          <Space size={6} wrap>
            <Tag color={STANCE_COLOR[note.stance]}>{t(`portrait.notes.stances.${note.stance}`)}</Tag>
            <Typography.Text strong>{elementLabel(note.element)}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {note.author} · {dayjs(note.createdAt).format('YYYY-MM-DD HH:mm')}
              {note.supersedes !== null ? ` · ${t('portrait.notes.supersedes', { id: note.supersedes })}` : ''}
            </Typography.Text>
          </Space>
          <div style={{ whiteSpace: 'pre-wrap' }}>{note.note}</div>
        </div>
      ))}
    </div>
  );
}

interface NoteValues {
  element: string;
  stance: NoteStance;
  note: string;
}

/**
 * Add a note to, confirm or dispute a portrait element (needs portrait:annotate; the server
 * audits it). With `element` set the form is for that element only.
 */
export function PortraitNoteForm({
  customerNo,
  definitions,
  element,
  onSaved,
}: {
  customerNo: string;
  definitions: PortraitDefinitions | undefined;
  element?: string;
  onSaved: (note: PortraitNote) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useErrorMessage();
  const pick = usePickName();
  const [form] = Form.useForm<NoteValues>();
  const [saving, setSaving] = useState(false);

  const customerOnly = <T extends { subject: string }>(list: T[] | undefined) =>
    (list ?? []).filter((d) => d.subject === 'customer');
  const elementOptions = [
    { value: 'portrait', label: t('portrait.notes.wholePortrait') },
    ...customerOnly(definitions?.grades).map((g) => ({ value: `grade:${g.code}`, label: pick(g.name) })),
    ...customerOnly(definitions?.scores).map((s) => ({ value: `score:${s.code}`, label: pick(s.name) })),
    ...customerOnly(definitions?.tags).map((tag) => ({ value: `tag:${tag.code}`, label: pick(tag.name) })),
  ];

  const submit = async (values: NoteValues) => {
    setSaving(true);
    try {
      const note = await portraitApi.addCustomerNote(customerNo, {
        element: element ?? values.element,
        stance: values.stance,
        note: values.note.trim(),
      });
      message.success(t('portrait.notes.saved'));
      form.resetFields(['note']);
      onSaved(note);
    } catch (error) {
      showError(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form<NoteValues>
      form={form}
      layout="vertical"
      size="small"
      initialValues={{ element: element ?? 'portrait', stance: 'comment', note: '' }}
      onFinish={submit}
      data-testid="portrait-note-form"
    >
      {!element && (
        <Form.Item name="element" label={t('portrait.notes.element')} rules={[{ required: true }]}>
          <Select showSearch optionFilterProp="label" options={elementOptions} data-testid="note-element" />
        </Form.Item>
      )}
      <Form.Item name="stance" label={t('portrait.notes.stance')}>
        <Radio.Group
          optionType="button"
          options={STANCES.map((s) => ({ value: s, label: t(`portrait.notes.stances.${s}`) }))}
        />
      </Form.Item>
      <Form.Item
        name="note"
        label={t('portrait.notes.note')}
        rules={[{ required: true, whitespace: true, message: t('portrait.notes.noteRequired') }]}
      >
        <Input.TextArea
          rows={3}
          maxLength={2000}
          showCount
          placeholder={t('portrait.notes.placeholder')}
          data-testid="note-text"
        />
      </Form.Item>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('portrait.notes.audited')}
      </Typography.Paragraph>
      <Button type="primary" htmlType="submit" loading={saving} data-testid="note-submit">
        {t('portrait.notes.submit')}
      </Button>
    </Form>
  );
}
