import type { ActivityContext } from './activity-context.js';
import { formatTime, HOUR, MINUTE } from './clock.js';
import { makeContact } from './contacts.js';
import { required } from './employees.js';

/**
 * What the outages of the customer's area leave in his traces: the meter's power-loss and
 * power-on events, planned-outage SMS (occasionally missing: planted), fault and restoration
 * pushes to subscribers, and the calls an outage causes. An outage-sensitive customer calls
 * about nearly every outage, announced ones included, and complains when restoration is slow
 * (so does an escalation-prone one); others rarely do.
 */
export function generateOutageEffects(ctx: ActivityContext): string[] {
  const { rng, profile } = ctx;
  const missed: string[] = [];
  const sensitive = ctx.has('outage_sensitive');
  // Someone who takes things over our heads also complains when the outage goes wrong.
  const prone = ctx.has('escalation_prone');
  const subscribed = ctx.has('digital_native') || profile.record.wechat_id !== undefined;
  const medium = ctx.has('digital_native') ? 'push' : 'wechat';
  for (const outage of profile.area.outages) {
    const id = outage.record.outage_id;
    const eta = formatTime(outage.restoredMs).slice(11, 16);
    const hours = String(Math.max(2, Math.round((outage.restoredMs - outage.startMs) / HOUR)));
    if (outage.kind === 'planned') {
      const notified = !rng.chance(0.03);
      if (outage.announcedMs !== undefined && notified) {
        ctx.batch.push('notices', {
          notice_id: ctx.nextId('N'),
          customer_no: ctx.customerNo,
          medium: 'sms',
          topic: 'outage_planned',
          sent_at: formatTime(outage.announcedMs + rng.int(0, 120) * MINUTE),
          status: rng.chance(0.02) ? 'failed' : 'delivered',
          outage_id: id,
          content: `因${outage.record.cause ?? '设备检修'}，定于${outage.record.planned_start?.slice(0, 16).replace('T', ' ')}至${outage.record.planned_end?.slice(11, 16)}停电，请做好准备。`,
        });
      } else missed.push(id);
      // A sensitive customer rings about the announced outage (how long, can it move) most times.
      const p = notified ? (sensitive ? 0.8 : 0.01) : sensitive || prone ? 0.9 : 0.25;
      if (rng.chance(p)) {
        makeContact(ctx, {
          atMs: outage.startMs + rng.int(5, 60) * MINUTE,
          intent: notified ? 'outage_report' : 'planned_no_notice',
          topic: 'outage_notice',
          orderType: !notified && (sensitive || prone || rng.chance(0.2)) ? 'complaint' : 'consultation',
          substantiated: !notified,
          slots: {
            eta,
            hours,
            cause: outage.record.cause ?? '',
            notice: formatTime(outage.announcedMs ?? outage.startMs).slice(0, 10),
          },
          summary: notified ? '客户咨询计划停电恢复时间' : '客户反映计划停电未收到通知',
        });
      }
      continue;
    }
    if (rng.chance(0.98)) {
      ctx.trace({
        occurred_at: formatTime(outage.startMs + rng.int(0, 90) * 1000),
        trace_type: 'power_loss_event',
        channel: 'collection',
        attributes: { meter_no: profile.meterNo, event: 'power_off', outage_id: id },
      });
      ctx.trace({
        occurred_at: formatTime(outage.restoredMs + rng.int(0, 90) * 1000),
        trace_type: 'power_loss_event',
        channel: 'collection',
        attributes: { meter_no: profile.meterNo, event: 'power_on', outage_id: id },
      });
    }
    if (subscribed) {
      ctx.batch.push('notices', {
        notice_id: ctx.nextId('N'),
        customer_no: ctx.customerNo,
        medium,
        topic: 'outage_fault',
        sent_at: formatTime(outage.startMs + rng.int(10, 40) * MINUTE),
        status: 'delivered',
        outage_id: id,
        content: `您所在区域因${outage.record.cause ?? '故障'}停电，抢修人员正在处理，预计${eta}恢复。`,
      });
      ctx.batch.push('notices', {
        notice_id: ctx.nextId('N'),
        customer_no: ctx.customerNo,
        medium,
        topic: 'restoration',
        sent_at: formatTime(outage.restoredMs + rng.int(2, 20) * MINUTE),
        status: 'delivered',
        outage_id: id,
        content: '您所在区域已恢复供电，感谢您的理解。',
      });
    }
    const slots = { eta, hours, cause: outage.record.cause ?? '' };
    if (rng.chance(sensitive ? 0.85 : subscribed ? 0.02 : 0.05)) {
      makeContact(ctx, {
        atMs: outage.startMs + rng.int(5, 40) * MINUTE,
        intent: 'outage_report',
        topic: 'outage',
        orderType: sensitive || rng.chance(0.3) ? 'repair' : 'consultation',
        urgency: profile.record.important ? 'very_urgent' : 'urgent',
        restoredMs: outage.restoredMs,
        slots,
        summary: `客户报修停电，${outage.record.cause ?? ''}`,
      });
    }
    if (outage.slow && rng.chance(sensitive ? 0.6 : prone ? 0.5 : 0.03)) {
      const at = outage.startMs + rng.range(3, 5) * HOUR;
      if (at < outage.restoredMs) {
        makeContact(ctx, {
          atMs: at,
          intent: 'outage_slow',
          topic: 'repair_timeliness',
          orderType: 'complaint',
          angry: ctx.has('emotional') || rng.chance(0.5),
          substantiated: true,
          responsible: required(ctx.staff.repairByStation.get(profile.area.stationId), 'repair crew'),
          slots,
          summary: `客户投诉停电${hours}小时未恢复，抢修超时`,
        });
      }
    }
  }
  return missed;
}
