import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { QaTopicFilter } from '../../../src/api/contract.js';
import { useVocabulary } from '../session/vocabulary-context.js';

/** Which calls a special topic takes, in words: topics, order types, keywords, unit; else all calls. */
export function QaTopicFilterTags({ filter, unitName }: { filter: QaTopicFilter; unitName: (id: string) => string }) {
  const { t } = useTranslation();
  const { label } = useVocabulary();
  const tags = [
    ...filter.workOrderTopics.map((code) => ({ key: `topic:${code}`, text: label('topics', code), color: 'blue' })),
    ...filter.workOrderTypes.map((code) => ({
      key: `type:${code}`,
      text: label('workOrderTypes', code),
      color: 'purple',
    })),
    ...filter.keywords.map((word) => ({ key: `word:${word}`, text: `“${word}”`, color: 'default' })),
    ...(filter.orgUnitId
      ? [{ key: 'unit', text: `${t('qa.topics.unit')}: ${unitName(filter.orgUnitId)}`, color: 'cyan' }]
      : []),
  ];
  if (tags.length === 0) return <Tag>{t('qa.topics.allCalls')}</Tag>;
  return (
    <span style={{ display: 'inline-flex', flexWrap: 'wrap', gap: 4 }}>
      {tags.map((tag) => (
        <Tag key={tag.key} color={tag.color}>
          {tag.text}
        </Tag>
      ))}
    </span>
  );
}
