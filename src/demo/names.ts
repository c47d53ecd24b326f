import type { Rng } from './random.js';

// Weighted towards the surnames most common in Hunan (刘, 李, 王, 陈, 张, 彭, 谭 …).
const SURNAMES: readonly (readonly [string, number])[] = [
  ['刘', 8],
  ['李', 8],
  ['王', 7],
  ['陈', 7],
  ['张', 6],
  ['彭', 4],
  ['谭', 4],
  ['罗', 4],
  ['周', 4],
  ['曾', 3],
  ['胡', 3],
  ['唐', 3],
  ['邓', 3],
  ['黄', 3],
  ['杨', 3],
  ['肖', 2],
  ['赵', 2],
  ['吴', 2],
  ['易', 2],
  ['龙', 2],
  ['蒋', 2],
  ['文', 2],
  ['欧阳', 1],
  ['贺', 2],
  ['廖', 2],
  ['田', 1],
  ['向', 1],
  ['毛', 1],
  ['袁', 1],
  ['邹', 1],
  ['许', 1],
  ['朱', 1],
  ['徐', 1],
  ['孙', 1],
  ['何', 2],
  ['郭', 1],
  ['夏', 1],
  ['雷', 1],
  ['丁', 1],
  ['石', 1],
  ['阳', 1],
  ['颜', 1],
  ['尹', 1],
  ['左', 1],
  ['伍', 1],
];
const MALE = '伟强军勇杰涛斌波辉刚健明超亮俊峰磊鹏飞宇浩文武建国华志平德林海东兵锋鑫凯' as const;
const FEMALE = '芳娟敏静丽艳霞燕玲婷红梅兰英琴慧颖洁雪莉萍蓉倩佳欣怡月凤秀玉珍晶' as const;

export function personName(rng: Rng, gender: 'M' | 'F'): string {
  const pool = gender === 'M' ? MALE : FEMALE;
  const surname = rng.weighted(SURNAMES);
  const first = pool.charAt(rng.int(0, pool.length - 1));
  return rng.chance(0.7) ? surname + first + pool.charAt(rng.int(0, pool.length - 1)) : surname + first;
}

/** Mainland mobile number with a real 3-digit prefix. */
export function mobilePhone(rng: Rng): string {
  const prefix = rng.pick([
    '130',
    '131',
    '132',
    '135',
    '136',
    '137',
    '138',
    '139',
    '150',
    '151',
    '152',
    '157',
    '158',
    '159',
    '173',
    '177',
    '180',
    '181',
    '186',
    '187',
    '188',
    '189',
    '191',
    '199',
  ]);
  return prefix + rng.digits(8);
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const ID_CHECK = '10X98765432';

/** GB 11643 check character of the first 17 digits. */
export function idChecksum(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17.charAt(i)) * (ID_WEIGHTS[i] ?? 0);
  return ID_CHECK.charAt(sum % 11);
}

/** 18-digit resident ID: area code, birth date, sequence (odd = male), checksum. */
export function idNumber(rng: Rng, areaCode: string, birthYear: number, gender: 'M' | 'F'): string {
  const month = String(rng.int(1, 12)).padStart(2, '0');
  const day = String(rng.int(1, 28)).padStart(2, '0');
  const seq = rng.int(0, 49) * 2 + (gender === 'M' ? 1 : 0);
  const first17 = `${areaCode}${birthYear}${month}${day}${String(rng.int(0, 9))}${String(seq).padStart(2, '0')}`;
  return first17 + idChecksum(first17);
}

export function wechatId(rng: Rng): string {
  const letters = 'abcdefghijkmnpqrstuvwxyz';
  let id = 'wx_';
  for (let i = 0; i < 10; i++)
    id += rng.chance(0.5) ? letters.charAt(rng.int(0, letters.length - 1)) : String(rng.int(0, 9));
  return id;
}

const COMPANY_STEMS = [
  '湘',
  '潇湘',
  '芙蓉',
  '星城',
  '麓山',
  '洞庭',
  '雁城',
  '楚天',
  '金霞',
  '华银',
  '三湘',
  '德润',
] as const;
const COMPANY_BODIES = [
  '商贸',
  '餐饮',
  '超市',
  '酒店',
  '物流',
  '建材',
  '印务',
  '食品',
  '电子',
  '机械',
  '纺织',
  '陶瓷',
  '新材料',
  '化工',
  '制药',
] as const;

export function companyName(rng: Rng, city: string, body?: string): string {
  const kind = body ?? rng.pick(COMPANY_BODIES);
  return `${city}市${rng.pick(COMPANY_STEMS)}${rng.pick(['鑫', '丰', '达', '盛', '源', '泰', '隆', '华'])}${kind}有限公司`;
}
