import type { FeederRecord, OrgUnitRecord, SubstationRecord, TransformerAreaRecord } from '../ingest/records.js';
import { COMMUNITIES, HUNAN_CITIES, MAX_COUNTIES, TOWNS, VILLAGES } from './hunan-places.js';
import { Rng } from './random.js';
import type { Area, County } from './types.js';

export interface Station {
  readonly id: string;
  readonly name: string;
  readonly countyIndex: number;
}
export interface Grid {
  readonly id: string;
  readonly stationIndex: number;
}

/** Org units and grid topology, sized from the customer count. Small: ~5k areas at 1M customers. */
export interface OrgWorld {
  readonly orgUnits: OrgUnitRecord[];
  readonly substations: SubstationRecord[];
  readonly feeders: FeederRecord[];
  readonly transformerAreas: TransformerAreaRecord[];
  readonly counties: County[];
  readonly stations: Station[];
  readonly grids: Grid[];
  readonly areas: Area[];
  readonly cityIds: string[];
}

const two = (n: number): string => String(n).padStart(2, '0');
const clamp = (v: number, lo: number, hi: number): number => Math.max(lo, Math.min(hi, v));

/** ~20k customers → 2 cities, 5 counties, 20 stations, ~60 grids, ~100 areas of 50–400. */
export function buildOrgWorld(seed: number, customerCount: number): OrgWorld {
  const rng = Rng.for(seed, 'org', 0);
  const countyTarget = clamp(Math.round(customerCount / 4000), 1, MAX_COUNTIES);
  let cityCount = clamp(Math.round(customerCount / 10000), 1, HUNAN_CITIES.length);
  const capacity = (k: number): number => HUNAN_CITIES.slice(0, k).reduce((n, city) => n + city.counties.length, 0);
  while (capacity(cityCount) < countyTarget) cityCount++;

  const orgUnits: OrgUnitRecord[] = [{ org_unit_id: 'HN', level: 'company', name: '国网湖南省电力有限公司' }];
  const cityIds: string[] = [];
  const picked: number[][] = HUNAN_CITIES.slice(0, cityCount).map(() => []);
  for (let n = 0, turn = 0; n < countyTarget; turn++) {
    const ci = turn % cityCount;
    const list = picked[ci];
    const city = HUNAN_CITIES[ci];
    if (list && city && list.length < city.counties.length) {
      list.push(list.length);
      n++;
    }
  }
  const counties: County[] = [];
  picked.forEach((list, ci) => {
    const city = HUNAN_CITIES[ci];
    if (!city) return;
    const cityId = `HN${two(ci + 1)}`;
    cityIds.push(cityId);
    orgUnits.push({ org_unit_id: cityId, parent_id: 'HN', level: 'city', name: `国网${city.name}供电公司` });
    for (const k of list) {
      const place = city.counties[k];
      if (!place) continue;
      const id = `${cityId}${two(k + 1)}`;
      const urban = place.name.endsWith('区') || place.name === '吉首市';
      const name = urban ? `国网${city.name}供电公司${place.name}分公司` : `国网${place.name}供电公司`;
      orgUnits.push({ org_unit_id: id, parent_id: cityId, level: 'county', name });
      counties.push({ id, name: place.name, cityName: city.name, code: place.code, urban });
    }
  });

  const stationCount = Math.max(counties.length, Math.round(customerCount / 1000));
  const stations: Station[] = [];
  const perCounty = counties.map(() => 0);
  for (let s = 0; s < stationCount; s++) {
    const ci = s % counties.length;
    const county = counties[ci];
    if (!county) continue;
    const k = (perCounty[ci] ?? 0) + 1;
    perCounty[ci] = k;
    const town = TOWNS[(ci * 7 + k) % TOWNS.length] ?? '城关';
    const id = `${county.id}${two(k)}`;
    const name = `${county.name.replace(/[区县市]$/, '')}${town}供电所`;
    stations.push({ id, name, countyIndex: ci });
    orgUnits.push({ org_unit_id: id, parent_id: county.id, level: 'station', name });
  }

  const gridCount = Math.max(stations.length, Math.round(customerCount / 330));
  const grids: Grid[] = [];
  const perStation = stations.map(() => 0);
  for (let g = 0; g < gridCount; g++) {
    const si = g % stations.length;
    const station = stations[si];
    if (!station) continue;
    const k = (perStation[si] ?? 0) + 1;
    perStation[si] = k;
    const id = `${station.id}${two(k)}`;
    grids.push({ id, stationIndex: si });
    orgUnits.push({
      org_unit_id: id,
      parent_id: station.id,
      level: 'grid',
      name: `${station.name.replace('供电所', '')}第${k}网格`,
    });
  }
  // Org units are written parent-first: sort by id length keeps company → city → … → grid.
  orgUnits.sort((a, b) => a.org_unit_id.length - b.org_unit_id.length || (a.org_unit_id < b.org_unit_id ? -1 : 1));

  // Transformer areas of 50–400 customers (mode ~150), contiguous blocks per grid.
  const sizes: number[] = [];
  for (let left = customerCount; left > 0; ) {
    const size = Math.min(left, Math.round(50 + 350 * rng.float() * rng.float() + 100 * rng.float()));
    sizes.push(size);
    left -= size;
  }
  const substations: SubstationRecord[] = stations.map((st) => ({
    substation_id: `SS${st.id}`,
    name: `${st.name.replace('供电所', '')}${rng.chance(0.3) ? '110kV' : '35kV'}变电站`,
    voltage_kv: rng.chance(0.3) ? 110 : 35,
    org_unit_id: st.id,
  }));
  const feeders: FeederRecord[] = [];
  const feederOfStation = new Map<number, { id: string; used: number }>();
  const transformerAreas: TransformerAreaRecord[] = [];
  const areas: Area[] = [];
  let first = 0;
  sizes.forEach((size, i) => {
    const grid = grids[Math.floor((i * grids.length) / sizes.length)] ?? grids[0];
    if (!grid) return;
    const station = stations[grid.stationIndex];
    const county = station ? counties[station.countyIndex] : undefined;
    if (!station || !county) return;
    let feeder = feederOfStation.get(grid.stationIndex);
    // About six transformer areas hang on one 10 kV feeder.
    if (!feeder || feeder.used >= 6) {
      const n = feeders.filter((f) => f.org_unit_id === station.id).length + 1;
      const id = `SS${station.id}-F${two(n)}`;
      feeders.push({
        feeder_id: id,
        name: `10kV${rng.pick(TOWNS)}${two(n)}线`,
        substation_id: `SS${station.id}`,
        org_unit_id: station.id,
      });
      feeder = { id, used: 0 };
      feederOfStation.set(grid.stationIndex, feeder);
    }
    feeder.used++;
    const id = `TA${String(i + 1).padStart(7, '0')}`;
    const stem = county.urban ? `${rng.pick(COMMUNITIES)}小区` : `${rng.pick(VILLAGES)}村`;
    const name = `${stem}${rng.int(1, 9)}#公变`;
    transformerAreas.push({
      transformer_area_id: id,
      name,
      feeder_id: feeder.id,
      org_unit_id: grid.id,
      capacity_kva: size > 250 ? 630 : size > 120 ? 400 : 200,
    });
    areas.push({
      id,
      name,
      feederId: feeder.id,
      gridId: grid.id,
      stationId: station.id,
      countyIndex: station.countyIndex,
      urban: county.urban,
      firstCustomer: first,
      customerCount: size,
      outages: [],
    });
    first += size;
  });
  return { orgUnits, substations, feeders, transformerAreas, counties, stations, grids, areas, cityIds };
}
