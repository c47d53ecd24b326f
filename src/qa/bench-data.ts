/**
 * Deterministic synthetic 95598 transcripts and a large synthetic scheme for bench/qa-bench.ts.
 * Independent of the demo world generator on purpose: the bench measures speed, and the
 * default rules must not be tuned on anyone's generated calls. Several phrasings per intent,
 * fillers, typos (homophones), and occasional lapses so that rules both hit and miss.
 */
import type { QaRule, QaScheme } from './rule-language.js';
import type { Transcript, TranscriptTurn } from './transcript.js';

/** mulberry32: tiny, fast, deterministic; quality is plenty for test data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(r: Rand, list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;

const GREETINGS = [
  '您好，很高兴为您服务，工号{n}。',
  '您好，{n}号客服为您服务，请讲。',
  '你好，国网客服，请问有什么可以帮您？',
  '喂，95598。',
];
const CLOSINGS = [
  '请问还有什么可以帮您？感谢您的来电，再见。',
  '感谢来电，祝您生活愉快。',
  '好的，再见。',
  '那就这样吧。',
];
const FILLERS = ['嗯', '那个', '就是', '呃', '这个', '然后'];
const TYPOS: [string, string][] = [
  ['电费', '店费'],
  ['停电', '停店'],
  ['稍等', '少等'],
  ['户号', '护号'],
  ['抢修', '强修'],
];

interface Intent {
  customer: string[];
  agent: string[];
}
const INTENTS: Intent[] = [
  {
    customer: [
      '我家停电了，{x}都没电',
      '{x}这边突然断电了',
      '家里跳闸了推不上去',
      '都停了{h}个小时了怎么还没来电',
      '你们到底什么时候来电',
    ],
    agent: [
      '请问您的详细地址是？',
      '已为您派单抢修，抢修人员会在45分钟内到达现场。',
      '非常抱歉给您带来不便，我马上为您催办。',
      '请您稍等，我帮您查询一下。',
      '跟您确认一下，{x}全户停电，对吗？',
    ],
  },
  {
    customer: ['帮我查一下上个月电费', '这个月电费怎么这么高', '我想问下欠费多少', '电费是不是算错了'],
    agent: [
      '请您提供一下户号和户名。',
      '您上月电费是{m}元，用电量{k}度。',
      '系统显示您当前欠费{m}元。',
      '电费按阶梯电价计算，您本月进入第二档。',
    ],
  },
  {
    customer: ['我们小区明天有计划停电吗', '收到停电通知了，几点恢复', '检修停电要停多久'],
    agent: ['有的，明天8点到17点线路检修停电。', '预计下午五点前恢复供电。', '请您留意短信通知。'],
  },
  {
    customer: ['我要投诉你们供电所', '你们服务太差了，我要投诉！', '再不处理我就打12398曝光'],
    agent: [
      '非常理解您的心情，我马上为您登记投诉工单。',
      '已为您记录，工作人员会在24小时内联系您。',
      '这个不归我们管。',
      '我不是说了吗，等通知。',
    ],
  },
  {
    customer: ['我想咨询光伏并网', '营业厅几点下班', '怎么办理过户'],
    agent: [
      '光伏并网有专门的业务专席负责，我为您转接过去。',
      '我给您转接一下。',
      '营业厅下午五点半下班。',
      '过户需要带身份证和房产证到营业厅办理。',
    ],
  },
];
const PLACES = ['幸福路', '东风小区', '城南新村', '建设街', '河西村'];

function fill(r: Rand, text: string): string {
  return text
    .replaceAll('{n}', String(1000 + Math.floor(r() * 9000)))
    .replaceAll('{x}', `${pick(r, PLACES)}${1 + Math.floor(r() * 90)}号`)
    .replaceAll('{h}', String(2 + Math.floor(r() * 20)))
    .replaceAll('{m}', (r() * 500).toFixed(2))
    .replaceAll('{k}', String(Math.floor(r() * 800)));
}

function roughen(r: Rand, text: string): string {
  let out = r() < 0.3 ? `${pick(r, FILLERS)}，${text}` : text;
  if (r() < 0.1) {
    const [right, wrong] = pick(r, TYPOS);
    out = out.replace(right, wrong);
  }
  return out;
}

/** Transcript number `index` of the synthetic set (same index, same transcript). */
export function benchTranscript(index: number): Transcript {
  const r = seededRandom(index * 2654435761);
  const intent = pick(r, INTENTS);
  const texts: [TranscriptTurn['speaker'], string][] = [['agent', fill(r, pick(r, GREETINGS))]];
  const exchanges = 3 + Math.floor(r() * 8);
  for (let i = 0; i < exchanges; i++) {
    texts.push(['customer', roughen(r, fill(r, pick(r, intent.customer)))]);
    texts.push(['agent', roughen(r, fill(r, pick(r, intent.agent)))]);
  }
  texts.push(['customer', pick(r, ['好的，谢谢', '行吧', '嗯', '没有了'])]);
  texts.push(['agent', pick(r, CLOSINGS)]);
  let clock = 0;
  const turns = texts.map(([speaker, text], seq): TranscriptTurn => {
    const rate = 3.5 + r() * 3;
    const gap = r() < 0.03 ? 20_000 + r() * 30_000 : r() < 0.05 ? -800 : 300 + r() * 1500;
    const start = Math.max(0, Math.round(clock + gap));
    const end = start + Math.round((text.length / rate) * 1000);
    clock = end;
    return { seq, speaker, start_ms: start, end_ms: end, text };
  });
  return { turns };
}

const COMMON =
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力水理眼心';
const DOMAIN = [
  '电费',
  '停电',
  '抢修',
  '户号',
  '电表',
  '欠费',
  '阶梯电价',
  '过户',
  '光伏',
  '台区',
  '线路',
  '变压器',
  '营业厅',
  '缴费',
  '短信',
  '工单',
  '投诉',
  '回访',
  '预约',
  '增容',
];

/** The default scheme's rules plus generated keyword, regex and proximity rules, `total` in all. */
export function benchScheme(base: QaScheme, total: number): QaScheme {
  const r = seededRandom(42);
  const word = () =>
    r() < 0.1 ? pick(r, DOMAIN) : pick(r, [...COMMON]) + pick(r, [...COMMON]) + (r() < 0.5 ? pick(r, [...COMMON]) : '');
  const speaker = () => pick(r, ['agent', 'customer', 'any'] as const);
  const keyword = () => ({
    op: 'keyword' as const,
    words: Array.from({ length: 3 + Math.floor(r() * 6) }, word),
    speaker: speaker(),
  });
  const rules: QaRule[] = [...base.rules];
  const categories = Object.keys(base.categories);
  for (let i = rules.length; i < total; i++) {
    const kind = r();
    const when: QaRule['when'] =
      kind < 0.6
        ? keyword()
        : kind < 0.8
          ? { op: 'regex', pattern: `${word()}.{0,6}${word()}|${word()}\\d+`, speaker: speaker() }
          : kind < 0.9
            ? { op: 'near', a: keyword(), b: keyword(), maxChars: 20 }
            : { op: 'order', first: keyword(), second: keyword(), maxTurns: 3 };
    rules.push({
      id: `gen.r${i}`,
      name: `生成规则${i}`,
      description: '基准测试生成',
      category: pick(r, categories),
      points: -1,
      when,
    });
  }
  return { ...base, id: `${base.id}-bench`, rules };
}
