/**
 * Hunan's prefecture-level cities and their counties with the 6-digit administrative codes
 * that begin an ID number. Order is the order units are created in, so worlds of different
 * sizes share their first cities (长沙, 株洲 …).
 */
export interface CountyPlace {
  readonly name: string;
  readonly code: string;
}
export interface CityPlace {
  readonly name: string;
  readonly counties: readonly CountyPlace[];
}

const c = (spec: string): CountyPlace[] =>
  spec.split(' ').map((pair) => {
    const [name = '', code = ''] = pair.split(':');
    return { name, code };
  });

export const HUNAN_CITIES: readonly CityPlace[] = [
  {
    name: '长沙',
    counties: c(
      '芙蓉区:430102 天心区:430103 岳麓区:430104 开福区:430105 雨花区:430111 望城区:430112 长沙县:430121 浏阳市:430181 宁乡市:430182',
    ),
  },
  {
    name: '株洲',
    counties: c(
      '荷塘区:430202 芦淞区:430203 石峰区:430204 天元区:430211 渌口区:430212 攸县:430223 茶陵县:430224 炎陵县:430225 醴陵市:430281',
    ),
  },
  { name: '湘潭', counties: c('雨湖区:430302 岳塘区:430304 湘潭县:430321 湘乡市:430381 韶山市:430382') },
  {
    name: '衡阳',
    counties: c(
      '珠晖区:430405 雁峰区:430406 石鼓区:430407 蒸湘区:430408 南岳区:430412 衡阳县:430421 衡南县:430422 衡山县:430423 衡东县:430424 祁东县:430426 耒阳市:430481 常宁市:430482',
    ),
  },
  {
    name: '邵阳',
    counties: c(
      '双清区:430502 大祥区:430503 北塔区:430511 新邵县:430522 邵阳县:430523 隆回县:430524 洞口县:430525 武冈市:430581 邵东市:430582',
    ),
  },
  {
    name: '岳阳',
    counties: c(
      '岳阳楼区:430602 云溪区:430603 君山区:430611 岳阳县:430621 华容县:430623 湘阴县:430624 平江县:430626 汨罗市:430681 临湘市:430682',
    ),
  },
  {
    name: '常德',
    counties: c(
      '武陵区:430702 鼎城区:430703 安乡县:430721 汉寿县:430722 澧县:430723 临澧县:430724 桃源县:430725 石门县:430726 津市市:430781',
    ),
  },
  { name: '张家界', counties: c('永定区:430802 武陵源区:430811 慈利县:430821 桑植县:430822') },
  { name: '益阳', counties: c('资阳区:430902 赫山区:430903 南县:430921 桃江县:430922 安化县:430923 沅江市:430981') },
  {
    name: '郴州',
    counties: c(
      '北湖区:431002 苏仙区:431003 桂阳县:431021 宜章县:431022 永兴县:431023 嘉禾县:431024 临武县:431025 汝城县:431026 资兴市:431081',
    ),
  },
  {
    name: '永州',
    counties: c(
      '零陵区:431102 冷水滩区:431103 东安县:431122 双牌县:431123 道县:431124 江永县:431125 宁远县:431126 祁阳市:431181',
    ),
  },
  {
    name: '怀化',
    counties: c(
      '鹤城区:431202 中方县:431221 沅陵县:431222 辰溪县:431223 溆浦县:431224 会同县:431225 麻阳县:431226 洪江市:431281',
    ),
  },
  { name: '娄底', counties: c('娄星区:431302 双峰县:431321 新化县:431322 冷水江市:431381 涟源市:431382') },
  {
    name: '湘西',
    counties: c(
      '吉首市:433101 泸溪县:433122 凤凰县:433123 花垣县:433124 保靖县:433125 古丈县:433126 永顺县:433127 龙山县:433130',
    ),
  },
];

export const MAX_COUNTIES = HUNAN_CITIES.reduce((n, city) => n + city.counties.length, 0);

/** Town (乡镇/街道) stems for supply stations and addresses. */
export const TOWNS = [
  '城关',
  '东城',
  '西湖',
  '南湖',
  '北山',
  '金桥',
  '白沙',
  '黄花',
  '青山',
  '石门',
  '桥头',
  '新塘',
  '花桥',
  '枫林',
  '杨梅',
  '荷花',
  '洞庭',
  '望江',
  '大塘',
  '龙潭',
  '高桥',
  '沙坪',
  '河西',
  '东山',
  '泉塘',
  '茶园',
  '栗山',
  '双江',
  '梅溪',
  '古塘',
] as const;

export const ROADS = [
  '人民',
  '解放',
  '五一',
  '韶山',
  '芙蓉',
  '建设',
  '迎宾',
  '湘江',
  '雨花',
  '红星',
  '劳动',
  '八一',
  '车站',
  '中山',
  '东风',
  '新华',
  '桐梓坡',
  '银盆岭',
  '潇湘',
  '书院',
] as const;

export const VILLAGES = [
  '新屋',
  '塘湾',
  '石桥',
  '杉木',
  '柳林',
  '松柏',
  '竹山',
  '桃花',
  '长岭',
  '河口',
  '黄土',
  '樟树',
  '枣子',
  '马鞍',
  '田心',
  '井冲',
  '观音',
  '福兴',
] as const;

export const COMMUNITIES = [
  '阳光',
  '金色',
  '锦绣',
  '湘江',
  '世纪',
  '和平',
  '幸福',
  '东方',
  '碧桂园',
  '万科',
  '中建',
  '恒大',
] as const;
