import type { ActivityContext } from './activity-context.js';
import type { BillEvent } from './billing.js';
import { DAY, formatTime, MINUTE } from './clock.js';
import { makeContact } from './contacts.js';

const HALL_BUSINESS = ['缴费', '业扩报装', '更名过户', '电费咨询', '发票打印', '峰谷电申请', '银行代扣签约'] as const;
const APP_QUERIES = ['bill', 'usage', 'outage', 'payment_record', 'repair_progress'] as const;

/**
 * Self-service and counter traces: app logins and queries (digital natives), business-hall
 * visits (hall goers), WeChat messages and website visits. A poor-attitude hall clerk draws
 * service-attitude complaints; an emotional customer more so.
 */
export function generateChannelTraces(ctx: ActivityContext, bills: readonly BillEvent[]): void {
  const { rng, clock } = ctx;
  const months = clock.days / 30.4;
  const digital = ctx.has('digital_native');
  const logins = rng.poisson((digital ? 1.2 : 0.08) * months);
  for (let k = 0; k < logins; k++) {
    const at = ctx.wakingTime(clock.startMs, clock.endMs);
    if (!ctx.inWorld(at)) continue;
    ctx.trace({
      occurred_at: formatTime(at),
      trace_type: 'app_login',
      channel: 'app',
      attributes: { device: rng.pick(['android', 'ios']) },
    });
    if (rng.chance(0.6)) {
      const query = rng.pick(APP_QUERIES);
      // A bill look-up shows the latest bill issued, as the fee-sensitive customers' do.
      const period = query === 'bill' ? bills.findLast((b) => b.issuedMs <= at)?.bill.period : undefined;
      ctx.trace({
        occurred_at: formatTime(at + rng.int(1, 5) * MINUTE),
        trace_type: 'app_query',
        channel: 'app',
        topic: query === 'outage' ? 'outage' : query === 'repair_progress' ? 'repair_timeliness' : 'fee',
        attributes: period !== undefined ? { query, period } : { query },
      });
    }
  }
  // Fee-sensitive customers look their bill up soon after it arrives.
  for (const bill of bills) {
    if (ctx.has('fee_sensitive') && (digital || rng.chance(0.45)) && rng.chance(0.8)) {
      const at = bill.issuedMs + rng.range(0.1, 3) * DAY;
      if (ctx.inWorld(at))
        ctx.trace({
          occurred_at: formatTime(at),
          trace_type: 'app_query',
          channel: digital ? 'app' : 'wechat',
          topic: 'fee',
          attributes: { query: 'bill', period: bill.bill.period },
        });
    }
  }
  if (ctx.profile.record.wechat_id) {
    const messages = rng.poisson(0.1 * months);
    for (let k = 0; k < messages; k++) {
      const at = ctx.wakingTime(clock.startMs, clock.endMs);
      if (ctx.inWorld(at))
        ctx.trace({
          occurred_at: formatTime(at),
          trace_type: 'wechat_message',
          channel: 'wechat',
          topic: rng.pick(['fee', 'outage', 'payment_channel', 'other'] as const),
          attributes: { wechat_id: ctx.profile.record.wechat_id },
        });
    }
  }
  const visits = rng.poisson(0.03 * months);
  for (let k = 0; k < visits; k++) {
    const at = ctx.wakingTime(clock.startMs, clock.endMs);
    if (ctx.inWorld(at))
      ctx.trace({
        occurred_at: formatTime(at),
        trace_type: 'website_visit',
        channel: 'website',
        attributes: { page: rng.pick(['停电公告', '电价政策', '办电指南']) },
      });
  }

  const hall = ctx.staff.hallByCounty[ctx.profile.area.countyIndex] ?? [];
  const hallVisits = rng.poisson((ctx.has('hall_goer') ? 5 : 0.3) * (clock.days / 365));
  for (let k = 0; k < hallVisits && hall.length > 0; k++) {
    const at = ctx.wakingTime(clock.startMs, clock.endMs);
    const hour = (at / 3_600_000 + 8) % 24;
    // Halls open 08:30–17:30.
    const open = at - (hour - Math.min(17, Math.max(8.5, hour))) * 3_600_000;
    if (!ctx.inWorld(open)) continue;
    const clerk = rng.pick(hall);
    const wait = Math.round(Math.max(1, rng.normal(9, 6)));
    ctx.trace({
      occurred_at: formatTime(open),
      trace_type: 'hall_visit',
      channel: 'hall',
      employee_no: clerk.record.employee_no,
      attributes: {
        business: rng.pick(HALL_BUSINESS),
        ticket: `A${String(rng.int(1, 150)).padStart(3, '0')}`,
        wait_minutes: wait,
        counter: rng.int(1, 6),
      },
    });
    const poor = clerk.traits.attitude === 'poor';
    const p = (poor ? 0.12 : 0.005) * (ctx.has('emotional') ? 3 : 1);
    if (rng.chance(p)) {
      makeContact(ctx, {
        atMs: open + rng.range(1, 30) * 3_600_000,
        intent: 'service_attitude',
        topic: 'service_attitude',
        orderType: 'complaint',
        responsible: clerk,
        substantiated: poor,
        summary: `客户反映营业厅工作人员${clerk.record.name}服务态度差`,
      });
    }
  }
}
