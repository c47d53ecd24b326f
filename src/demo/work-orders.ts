import type { WorkOrderRecord, WorkOrderStatusRecord } from '../ingest/records.js';
import type { WorkOrderType } from '../traces/vocabulary.js';
import { addWorkingDays, formatTime, HOUR, MINUTE } from './clock.js';
import type { Rng } from './random.js';

export interface LifecycleInput {
  type: WorkOrderType;
  createdMs: number;
  endMs: number;
  urban: boolean;
  /** When the field work is tied to an outage, the order is handled when power returns. */
  restoredMs?: number;
  /** Low-skill handlers overrun deadlines more often. */
  handlerSkill: number;
  agentNo: string;
  handlerNo: string;
}

export interface Lifecycle {
  statuses: Omit<WorkOrderStatusRecord, 'order_no'>[];
  slaDeadlineMs: number;
  closedMs?: number;
  handledMs?: number;
  callbackMs?: number;
  arrivedMs?: number;
  late: boolean;
}

/**
 * Status history accepted → dispatched → arrived → handled → callback → closed with the
 * deadlines of the service norms (REQUIREMENTS N): repair arrival 45 min urban / 90 min rural
 * plus restoration 3 h / 4 h; complaints answered within 7 working days; meter and service
 * requests within 5 working days. Steps after the end of the world are not yet taken.
 */
export function planLifecycle(rng: Rng, input: LifecycleInput): Lifecycle {
  const { type, createdMs: t0 } = input;
  const slow = rng.chance(input.handlerSkill <= 2 ? 0.2 : 0.06);
  const steps: { status: string; at: number; by: string; note?: string }[] = [
    { status: 'accepted', at: t0, by: input.agentNo },
  ];
  let sla: number;
  let arrived: number | undefined;
  let handled: number;
  if (type === 'repair') {
    const arrivalBudget = (input.urban ? 45 : 90) * MINUTE;
    sla = t0 + arrivalBudget + (input.urban ? 3 : 4) * HOUR;
    const dispatched = t0 + rng.int(2, 10) * MINUTE;
    arrived = dispatched + (slow ? rng.range(1.05, 2.5) : rng.range(0.3, 0.95)) * arrivalBudget;
    handled = Math.max(input.restoredMs ?? 0, arrived + rng.range(0.3, 2.5) * HOUR);
    steps.push(
      { status: 'dispatched', at: dispatched, by: input.agentNo },
      { status: 'arrived', at: arrived, by: input.handlerNo },
      { status: 'handled', at: handled, by: input.handlerNo },
    );
  } else if (type === 'consultation' || type === 'praise') {
    sla = addWorkingDays(t0, 1);
    handled = t0 + rng.int(3, 12) * MINUTE;
    steps.push({ status: 'handled', at: handled, by: input.agentNo });
  } else {
    const days = type === 'service_request' ? 5 : 7;
    sla = addWorkingDays(t0, days);
    const dispatched = t0 + rng.int(10, 90) * MINUTE;
    handled = slow
      ? addWorkingDays(t0, days + rng.int(1, 5)) + rng.int(9, 17) * HOUR
      : t0 + rng.range(0.2, 0.9) * (sla - t0);
    steps.push(
      { status: 'dispatched', at: dispatched, by: input.agentNo },
      { status: 'handled', at: handled, by: input.handlerNo },
    );
  }
  let callback: number | undefined;
  if (type !== 'consultation' && type !== 'praise') {
    callback = handled + rng.range(1, 30) * HOUR;
    steps.push({ status: 'callback', at: callback, by: input.agentNo });
  }
  const closed = (callback ?? handled) + rng.int(1, 120) * MINUTE;
  steps.push({ status: 'closed', at: closed, by: input.agentNo });
  const kept = steps.filter((s) => s.at < input.endMs);
  const result: Lifecycle = {
    statuses: kept.map((s, i) => ({ seq: i + 1, status: s.status, at: formatTime(s.at), employee_no: s.by })),
    slaDeadlineMs: sla,
    late: handled > sla,
  };
  if (closed < input.endMs) result.closedMs = closed;
  if (handled < input.endMs) result.handledMs = handled;
  if (callback !== undefined && callback < input.endMs) result.callbackMs = callback;
  if (arrived !== undefined && arrived < input.endMs) result.arrivedMs = arrived;
  return result;
}

export function finishOrder(order: WorkOrderRecord, life: Lifecycle): void {
  order.status = life.statuses[life.statuses.length - 1]?.status ?? 'accepted';
  order.sla_deadline = formatTime(life.slaDeadlineMs);
  if (life.closedMs !== undefined) order.closed_at = formatTime(life.closedMs);
}
