import { describe, expect, it } from 'vitest';
import { type CollectionPoint, keptAttributes, thinTraces } from './collection-points.js';

const hourly: CollectionPoint = {
  traceType: 'app_login',
  enabled: true,
  detail: 'full',
  attributes: [],
  minIntervalMinutes: 60,
  purpose: null,
};
const points = new Map([['app_login', hourly]]);
const login = (customer_id: number | null, occurred_at: string) => ({ trace_type: 'app_login', customer_id, occurred_at });

describe('collection points', () => {
  it('keeps one trace per customer and interval, whatever the order they arrive in', () => {
    const traces = [
      login(1, '2026-03-01T10:30:00+08:00'),
      login(1, '2026-03-01T10:00:00+08:00'),
      login(1, '2026-03-01T10:59:00+08:00'),
      login(1, '2026-03-01T11:00:00+08:00'),
      login(2, '2026-03-01T10:10:00+08:00'),
    ];
    expect([...thinTraces(points, traces)].sort()).toEqual([0, 2]);
  });

  it('keeps away from stored traces and never thins a trace that is itself stored', () => {
    const stored = [{ trace_type: 'app_login', customer_id: 1, occurred_at: '2026-03-01T10:00:00+08:00' }];
    const traces = [
      login(1, '2026-03-01T10:40:00+08:00'),
      login(1, '2026-03-01T11:30:00+08:00'),
      { ...login(1, '2026-03-01T10:00:00+08:00'), stored: true },
    ];
    expect([...thinTraces(points, traces, stored)]).toEqual([0]);
  });

  it('never thins trace types without an interval or traces without a customer', () => {
    const traces = [
      { trace_type: 'hall_visit', customer_id: 1, occurred_at: '2026-03-01T10:00:00+08:00' },
      { trace_type: 'hall_visit', customer_id: 1, occurred_at: '2026-03-01T10:01:00+08:00' },
      login(null, '2026-03-01T10:00:00+08:00'),
      login(null, '2026-03-01T10:01:00+08:00'),
    ];
    expect(thinTraces(points, traces).size).toBe(0);
  });

  it('keeps only the listed attributes when detail is listed', () => {
    const point = { ...hourly, detail: 'listed' as const, attributes: ['device'] };
    expect(keptAttributes(point, { device: 'ios', ip: '10.0.0.1' })).toEqual({ device: 'ios' });
    expect(keptAttributes(hourly, { device: 'ios', ip: '10.0.0.1' })).toEqual({ device: 'ios', ip: '10.0.0.1' });
  });
});
