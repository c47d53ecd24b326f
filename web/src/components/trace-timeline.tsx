import { Button, Empty, Spin, Timeline, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimelinePage, TimelineQuery, TraceItem } from '../api-client/types.js';
import { useErrorMessage } from '../session/use-error-message.js';
import { ChannelGlyph } from './channel-glyph.js';
import { EMPTY_FILTER, TimelineFilters, type TimelineFilterValue } from './timeline-filters.js';
import { TraceItemContent } from './trace-item.js';

const PAGE_SIZE = 30;

export type TimelineLoader = (query: TimelineQuery, signal: AbortSignal) => Promise<TimelinePage>;

function toQuery(filter: TimelineFilterValue, cursor: string | null): TimelineQuery {
  return {
    pageSize: PAGE_SIZE,
    ...(cursor ? { cursor } : {}),
    ...(filter.channels.length ? { channel: filter.channels.join(',') } : {}),
    ...(filter.types.length ? { type: filter.types.join(',') } : {}),
    // The API's upper bound is exclusive, so the chosen last day is included up to its end.
    ...(filter.period
      ? {
          from: filter.period[0].startOf('day').toISOString(),
          to: filter.period[1].add(1, 'day').startOf('day').toISOString(),
        }
      : {}),
  };
}

/** Newest first, filtered by channel, type and period; older pages load on demand (keyset cursor). */
export function TraceTimeline({ load }: { load: TimelineLoader }) {
  const { t, i18n } = useTranslation();
  const showError = useErrorMessage();
  const language = i18n.language;
  const [filter, setFilter] = useState<TimelineFilterValue>(EMPTY_FILTER);
  const [items, setItems] = useState<TraceItem[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const controller = useRef<AbortController | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `language` is sent as Accept-Language, so a switch refetches the summaries in it
  const fetchPage = useCallback(
    (cursor: string | null) => {
      controller.current?.abort();
      const current = new AbortController();
      controller.current = current;
      setLoading(true);
      load(toQuery(filter, cursor), current.signal)
        .then((result) => {
          // A reply that lost the race to a newer filter must not replace the newer list.
          if (current.signal.aborted) return;
          setItems((previous) => (cursor ? [...previous, ...result.items] : result.items));
          setNextCursor(result.nextCursor);
        })
        .catch(showError)
        .finally(() => !current.signal.aborted && setLoading(false));
    },
    [filter, load, showError, language],
  );

  // A new filter or language starts again from the newest trace.
  useEffect(() => {
    fetchPage(null);
    return () => controller.current?.abort();
  }, [fetchPage]);

  const timelineItems = items.map((trace) => ({
    key: trace.traceId,
    dot: <ChannelGlyph channel={trace.channel} />,
    children: <TraceItemContent trace={trace} />,
  }));

  return (
    <div data-testid="trace-timeline">
      <TimelineFilters value={filter} onChange={setFilter} />
      <Spin spinning={loading && items.length === 0}>
        {items.length === 0 && !loading ? (
          <Empty description={t('timeline.empty')} />
        ) : (
          <Timeline items={timelineItems} style={{ paddingTop: 8 }} />
        )}
      </Spin>
      <div style={{ textAlign: 'center' }}>
        {nextCursor ? (
          <Button size="small" loading={loading} data-testid="timeline-more" onClick={() => fetchPage(nextCursor)}>
            {t('common.loadMore')}
          </Button>
        ) : (
          items.length > 0 && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('common.noMore')}
            </Typography.Text>
          )
        )}
      </div>
    </div>
  );
}
