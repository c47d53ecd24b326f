import type {
  BarSeriesOption,
  LineSeriesOption,
  PieSeriesOption,
  RadarSeriesOption,
  TreemapSeriesOption,
} from 'echarts/charts';
import { BarChart, LineChart, PieChart, RadarChart, TreemapChart } from 'echarts/charts';
import type {
  GridComponentOption,
  LegendComponentOption,
  RadarComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import {
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  RadarComponent,
  TooltipComponent,
} from 'echarts/components';
import { type ComposeOption, init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { type CSSProperties, useEffect, useRef } from 'react';

// Only the parts the app draws are registered, which keeps ECharts' chunk small.
use([
  BarChart,
  LineChart,
  PieChart,
  RadarChart,
  TreemapChart,
  GridComponent,
  RadarComponent,
  TooltipComponent,
  LegendComponent,
  DataZoomComponent,
  MarkAreaComponent,
  CanvasRenderer,
]);

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | PieSeriesOption
  | RadarSeriesOption
  | TreemapSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | RadarComponentOption
  | TooltipComponentOption
>;

/** A click inside a grid: the index on that grid's (category) x axis under the pointer. */
export interface ChartClick {
  dataIndex: number;
}

/** One ECharts instance bound to a div: created once, updated with each option, resized with its box. */
export function EChart({
  option,
  style,
  testId,
  onClick,
  onItemClick,
}: {
  option: ChartOption;
  style?: CSSProperties;
  testId?: string;
  onClick?: (click: ChartClick) => void;
  /** A click on a series item (a treemap tile, a pie slice): the item's data as given in the option. */
  onItemClick?: (data: unknown) => void;
}) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof init> | null>(null);
  // The latest handler, so the instance binds once and a new closure each render costs nothing.
  const clickHandler = useRef(onClick);
  clickHandler.current = onClick;
  const itemClickHandler = useRef(onItemClick);
  itemClickHandler.current = onItemClick;

  useEffect(() => {
    if (!element.current) return;
    const instance = init(element.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    // Anywhere inside the grid counts, not just on a symbol or bar: a month with a zero bar
    // is still a month one may want to open.
    instance.getZr().on('click', (event) => {
      const point = [event.offsetX, event.offsetY];
      const grids = (instance.getOption().grid as unknown[] | undefined)?.length ?? 1;
      for (let gridIndex = 0; gridIndex < grids && clickHandler.current; gridIndex++) {
        if (!instance.containPixel({ gridIndex }, point)) continue;
        const [index] = instance.convertFromPixel({ gridIndex }, point) as number[];
        if (typeof index === 'number' && Number.isFinite(index)) clickHandler.current({ dataIndex: Math.round(index) });
        return;
      }
    });
    instance.on('click', (params) => itemClickHandler.current?.(params.data));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={element} style={{ width: '100%', height: 300, ...style }} data-testid={testId} />;
}
