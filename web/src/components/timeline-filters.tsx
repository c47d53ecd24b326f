import { DatePicker, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useVocabulary } from '../session/vocabulary-context.js';

export interface TimelineFilterValue {
  channels: string[];
  types: string[];
  period: [Dayjs, Dayjs] | null;
}

export const EMPTY_FILTER: TimelineFilterValue = { channels: [], types: [], period: null };

export function TimelineFilters({
  value,
  onChange,
}: {
  value: TimelineFilterValue;
  onChange: (v: TimelineFilterValue) => void;
}) {
  const { t } = useTranslation();
  const { options } = useVocabulary();
  return (
    <Space wrap size={8} style={{ marginBottom: 12 }}>
      <div data-testid="timeline-channel-filter">
        <Select
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          placeholder={t('timeline.channel')}
          style={{ minWidth: 180 }}
          options={options('channels')}
          // All twelve channels fit on screen; a virtual list would hide the last ones.
          virtual={false}
          listHeight={400}
          value={value.channels}
          onChange={(channels) => onChange({ ...value, channels })}
          optionFilterProp="label"
        />
      </div>
      <div data-testid="timeline-type-filter">
        <Select
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          placeholder={t('timeline.type')}
          style={{ minWidth: 180 }}
          options={options('traceTypes')}
          value={value.types}
          onChange={(types) => onChange({ ...value, types })}
          optionFilterProp="label"
        />
      </div>
      <div data-testid="timeline-period-filter">
        <DatePicker.RangePicker
          value={value.period}
          onChange={(range) => onChange({ ...value, period: range?.[0] && range[1] ? [range[0], range[1]] : null })}
        />
      </div>
    </Space>
  );
}
