import { Input, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useVocabulary } from '../session/vocabulary-context.js';
import { QaPoints } from './qa-score-tag.js';

interface Row {
  index: number;
  id: string;
  name: string;
  category: string;
  points: number | null;
  enabled: boolean;
  invalid: boolean;
  /** The channels a scoped rule judges (QaRule.channels); empty: every channel. */
  channels: string[];
}

const field = (rule: unknown, key: string): unknown =>
  typeof rule === 'object' && rule !== null ? (rule as Record<string, unknown>)[key] : undefined;

/** The rules of the working copy, searchable by id or name; the one with a save error is marked. */
export function QaRuleTable({
  rules,
  categoryNames,
  selectedIndex,
  invalidRuleId,
  onSelect,
}: {
  rules: unknown[];
  categoryNames: Map<string, string>;
  selectedIndex: number | null;
  invalidRuleId: string | null;
  onSelect: (index: number) => void;
}) {
  const { t } = useTranslation();
  const { label } = useVocabulary();
  const [q, setQ] = useState('');
  const rows: Row[] = rules.map((rule, index) => {
    const id = String(field(rule, 'id') ?? '');
    const points = field(rule, 'points');
    const channels = field(rule, 'channels');
    return {
      index,
      id,
      name: String(field(rule, 'name') ?? ''),
      category: String(field(rule, 'category') ?? ''),
      points: typeof points === 'number' ? points : null,
      enabled: field(rule, 'enabled') !== false,
      channels: Array.isArray(channels) ? channels.map(String) : [],
      invalid: invalidRuleId !== null && id === invalidRuleId,
    };
  });
  const needle = q.trim().toLowerCase();
  const shown = needle
    ? rows.filter((row) => row.id.toLowerCase().includes(needle) || row.name.toLowerCase().includes(needle))
    : rows;

  return (
    <>
      <Input.Search
        allowClear
        size="small"
        placeholder={t('qa.editor.searchRules')}
        onChange={(event) => setQ(event.target.value)}
        style={{ marginBottom: 8 }}
      />
      <Table<Row>
        size="small"
        rowKey="index"
        dataSource={shown}
        pagination={false}
        scroll={{ y: 520 }}
        data-testid="qa-rule-table"
        onRow={(row) => ({ onClick: () => onSelect(row.index), style: { cursor: 'pointer' } })}
        rowClassName={(row) => (row.index === selectedIndex ? 'ant-table-row-selected' : '')}
        columns={[
          {
            title: t('qa.editor.ruleName'),
            key: 'name',
            render: (_, row) => (
              <div data-testid="qa-rule-row" data-rule={row.id}>
                <Typography.Text delete={!row.enabled} {...(row.invalid ? { type: 'danger' as const } : {})}>
                  {row.name || t('common.none')}
                </Typography.Text>
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 11 }}>
                    {row.id}
                  </Typography.Text>
                  {row.channels.length > 0 && (
                    <Tag bordered={false} style={{ marginLeft: 6, fontSize: 11 }} data-testid="qa-rule-channels">
                      {t('qa.editor.channelsOnly', {
                        channels: row.channels.map((c) => label('channels', c)).join(' / '),
                      })}
                    </Tag>
                  )}
                </div>
              </div>
            ),
          },
          {
            title: t('qa.category'),
            dataIndex: 'category',
            width: 84,
            render: (code: string) => <Tag>{categoryNames.get(code) ?? code}</Tag>,
          },
          {
            title: t('qa.points'),
            dataIndex: 'points',
            width: 64,
            align: 'right',
            render: (points: number | null) => (points === null ? '' : <QaPoints points={points} />),
          },
        ]}
      />
    </>
  );
}
