import type { CallTurn } from '../ingest/records.js';
import * as P from './phrases.js';
import type { QaViolationCode } from './qa-violations.js';
import type { Rng } from './random.js';

export interface TranscriptContext {
  channel: 'phone_95598' | 'online_chat';
  intent: P.Intent;
  angry: boolean;
  escalation: boolean;
  transfer: boolean;
  agentNo: string;
  customerNo: string;
  customerName: string;
  idTail: string;
  slots: Record<string, string>;
  /** Violations to plant; the transcript shows each one and no other. */
  violations: ReadonlySet<QaViolationCode>;
  /** The customer's call-habits stream (ActivityContext.habits): the lines added after worlds were measured draw from it. */
  habits: Rng;
}

interface Line {
  speaker: CallTurn['speaker'];
  text: string;
  /** Silence before the line starts. */
  gapMs?: number;
  /** Start this many ms before the previous line ends (an interruption). */
  overlapMs?: number;
  /** The stream that times this line, when not the transcript's own. */
  rng?: Rng;
}

function fill(text: string, slots: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (_, key: string) => slots[key] ?? '');
}

/** Customer speech: fillers, speech-recognition slips, and anger or threats when upset. */
function customerSays(rng: Rng, ctx: TranscriptContext, text: string, opening: boolean): string {
  let out = text;
  if (rng.chance(0.45)) out = rng.pick(P.FILLERS) + out;
  for (const [right, wrong] of P.TYPOS) if (out.includes(right) && rng.chance(0.12)) out = out.replace(right, wrong);
  if (ctx.angry && (opening || rng.chance(0.5)))
    out = rng.chance(0.5) ? rng.pick(P.ANGER) + out : `${out}${rng.pick(P.ANGER)}`;
  if (ctx.escalation && opening) out += rng.pick(P.ESCALATION);
  return out;
}

/** Builds the script of one call or chat, then times it. */
export function buildTranscript(rng: Rng, ctx: TranscriptContext): CallTurn[] {
  const v = ctx.violations;
  const chat = ctx.channel === 'online_chat';
  const slots = { ...ctx.slots, agent: ctx.agentNo, customer: ctx.customerNo, name: ctx.customerName, id4: ctx.idTail };
  const lines: Line[] = [];
  const agent = (text: string, extra: Partial<Line> = {}): void =>
    void lines.push({ speaker: 'agent', text: fill(text, slots), ...extra });
  const customer = (text: string, opening = false): void =>
    void lines.push({ speaker: 'customer', text: customerSays(rng, ctx, fill(text, slots), opening) });

  if (!chat) lines.push({ speaker: 'system', text: '欢迎致电国家电网95598供电服务热线，您的通话可能会被录音。' });
  const greetings =
    v.has('missing_greeting') && v.has('missing_self_intro')
      ? P.GREETING_BARE
      : v.has('missing_greeting')
        ? P.GREETING_NO_HELLO
        : v.has('missing_self_intro')
          ? P.GREETING_NO_INTRO
          : chat
            ? P.CHAT_GREETING_OK
            : P.GREETING_OK;
  agent(rng.pick(greetings));
  customer(rng.pick(P.CUSTOMER_OPENING[ctx.intent]), true);
  if (ctx.angry && !v.has('angry_not_soothed')) agent(rng.pick(P.SOOTHE));
  // 复述确认 and, for a customer without power, where: drawn and timed from the habits stream.
  const { habits } = ctx;
  const habitLine = (speaker: Line['speaker'], text: string): void =>
    void lines.push({ speaker, text: fill(text, { ...slots, request: P.REQUEST_GIST[ctx.intent] }), rng: habits });
  if (P.ADDRESS_INTENTS.has(ctx.intent)) {
    habitLine('agent', habits.pick(P.ASK_ADDRESS));
    habitLine('customer', habits.pick(P.GIVE_ADDRESS));
  }
  if (!v.has('no_confirmation')) {
    habitLine('agent', habits.pick(P.CONFIRM_REQUEST));
    habitLine('customer', habits.pick(P.CONFIRM_YES));
  }

  const calm = (list: readonly string[]): readonly string[] => {
    if (!v.has('angry_not_soothed')) return list;
    const plain = list.filter((t) => !t.includes('抱歉') && !t.includes('理解'));
    return plain.length > 0 ? plain : ['我这边看一下情况。'];
  };
  const interruptAt = v.has('interruption') ? lines.length : -1;
  if (P.ACCOUNT_INTENTS.has(ctx.intent)) {
    if (v.has('no_identity_check')) {
      agent(rng.pick(P.ACCOUNT_DETAIL));
    } else {
      const ask = rng.int(0, P.IDENTITY_ASK.length - 1);
      agent(P.IDENTITY_ASK[ask] ?? P.IDENTITY_ASK[0]);
      customer(P.IDENTITY_GIVE[ask] ?? P.IDENTITY_GIVE[0]);
    }
    if (v.has('long_silence_no_hold_notice')) {
      agent(rng.pick(P.LOOKUP_NO_HOLD));
      lines.push({ speaker: 'agent', text: '', gapMs: rng.int(22_000, 45_000) });
    } else {
      const confirm = v.has('no_identity_check') ? '请您稍候，我帮您查询一下。' : rng.pick(P.IDENTITY_CONFIRMED);
      agent(calm([confirm])[0] ?? confirm);
      // A hold announced beforehand may last longer than 20 s.
      lines.push({ speaker: 'agent', text: '', gapMs: chat ? rng.int(3_000, 12_000) : rng.int(4_000, 35_000) });
    }
    if (!v.has('no_identity_check')) agent(rng.pick(P.ACCOUNT_DETAIL));
  }
  let answer = rng.pick(calm(P.AGENT_ANSWER[ctx.intent]));
  if (v.has('forbidden_words')) answer = rng.pick(P.FORBIDDEN) + answer;
  // The answer fills the placeholder left after the lookup, or follows the opening.
  const hold = lines.findIndex((l) => l.text === '' && l.speaker === 'agent');
  const answerLine: Line = { speaker: 'agent', text: fill(answer, slots) };
  if (hold >= 0) {
    const gap = lines[hold]?.gapMs ?? 0;
    lines.splice(hold, 1, { ...answerLine, gapMs: gap });
    // When the detail line follows the hold, read the answer after it instead.
    if (lines[hold + 1]?.speaker === 'agent') {
      const detail = lines[hold + 1];
      if (detail) {
        lines[hold] = { ...detail, gapMs: gap };
        lines[hold + 1] = answerLine;
      }
    }
  } else lines.push(answerLine);
  customer(rng.pick(P.CUSTOMER_FOLLOW_UP));
  if (ctx.angry && rng.chance(0.6))
    customer(rng.pick(P.ANGER) + (ctx.escalation ? rng.pick(P.ESCALATION) : '你们赶紧处理！'));
  if (ctx.angry && !v.has('angry_not_soothed') && lines[lines.length - 1]?.speaker === 'customer')
    agent('非常抱歉，我们一定尽快处理，处理结果会及时回复您。');
  if (v.has('missing_closing')) {
    agent(rng.pick(P.CLOSING_MISSING));
  } else {
    agent(rng.pick(P.CLOSING_ASK));
    if (ctx.transfer && !chat) {
      customer(rng.pick(P.TRANSFER_ASK));
      const dept = rng.pick(['抢修调度', '用电检查班', '计量中心', '专家坐席']);
      agent(
        v.has('transfer_without_explanation')
          ? rng.pick(P.TRANSFER_BARE)
          : fill(rng.pick(P.TRANSFER_EXPLAINED), { dept }),
      );
      lines.push({ speaker: 'system', text: `[转接至${dept}]` });
    } else {
      customer(rng.pick(P.CUSTOMER_BYE));
      agent(rng.pick(chat ? P.CHAT_CLOSING_BYE : P.CLOSING_BYE));
    }
  }
  if (interruptAt >= 0) {
    const at = lines.findIndex(
      (l, i) => i >= interruptAt && l.speaker === 'agent' && lines[i - 1]?.speaker === 'customer',
    );
    const target = lines[at];
    if (target) {
      target.overlapMs = rng.int(700, 2_000);
      target.text = `哎，您先听我说，${target.text}`;
    }
  }

  return timeLines(rng, lines, chat);
}

/** Speech runs at ~4.5 characters a second; typing in a chat at ~2. */
function timeLines(rng: Rng, lines: readonly Line[], chat: boolean): CallTurn[] {
  const turns: CallTurn[] = [];
  let prevEnd = 0;
  lines.forEach((line, i) => {
    const perChar = chat ? 450 : 220;
    const r = line.rng ?? rng;
    const duration = 400 + line.text.length * perChar + r.int(0, 600);
    let start = i === 0 ? 0 : prevEnd + (line.gapMs ?? r.int(300, chat ? 8_000 : 1_500));
    if (line.overlapMs !== undefined)
      start = Math.max(turns[turns.length - 1]?.start_ms ?? 0, prevEnd - line.overlapMs);
    const end = start + duration;
    turns.push({ seq: i + 1, speaker: line.speaker, start_ms: start, end_ms: end, text: line.text });
    prevEnd = end;
  });
  return turns;
}
