import { CURRENT_REGION_CODES, REGION_DATA_VERSION, RETIRED_REGION_CODES } from './region-codes.data';

/**
 * Province-level codes (GB/T 2260): the first two digits of every resident ID number. 71/81/82 are the codes
 * the standard assigns to Taiwan, Hong Kong and Macao; 83 and 91 are not in it but are the prefixes of residence
 * permits issued to Taiwan/HK/Macao residents and foreigners, which share the 18-character format.
 */
const PROVINCE_NAMES: Readonly<Record<string, string>> = {
  '11': '北京市',
  '12': '天津市',
  '13': '河北省',
  '14': '山西省',
  '15': '内蒙古自治区',
  '21': '辽宁省',
  '22': '吉林省',
  '23': '黑龙江省',
  '31': '上海市',
  '32': '江苏省',
  '33': '浙江省',
  '34': '安徽省',
  '35': '福建省',
  '36': '江西省',
  '37': '山东省',
  '41': '河南省',
  '42': '湖北省',
  '43': '湖南省',
  '44': '广东省',
  '45': '广西壮族自治区',
  '46': '海南省',
  '50': '重庆市',
  '51': '四川省',
  '52': '贵州省',
  '53': '云南省',
  '54': '西藏自治区',
  '61': '陕西省',
  '62': '甘肃省',
  '63': '青海省',
  '64': '宁夏回族自治区',
  '65': '新疆维吾尔自治区',
  '71': '台湾省',
  '81': '香港特别行政区',
  '82': '澳门特别行政区',
  '83': '港澳台居民居住证',
  '91': '外国人永久居留身份证',
};

export type RegionStatus = 'current' | 'retired' | 'unknown';

export interface RegionLookup {
  readonly code: string;
  readonly status: RegionStatus;
  /** Name of the division when known (the last name it had, for retired codes). */
  readonly name: string | null;
  readonly provinceName: string | null;
  /** For retired codes: the last GB/T 2260 revision (YYYYMM) that listed it. */
  readonly lastListed: string | null;
}

export const REGION_DATA_SOURCE = REGION_DATA_VERSION;

/** Own-property lookup, so keys such as `constructor` never resolve to inherited members. */
function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

export function isKnownProvinceCode(twoDigits: string): boolean {
  return own(PROVINCE_NAMES, twoDigits) !== undefined;
}

export function provinceNameOf(twoDigits: string): string | null {
  return own(PROVINCE_NAMES, twoDigits) ?? null;
}

/** Classifies a six-digit administrative division code; unknown is a normal answer, not an error. */
export function lookupRegion(code: string): RegionLookup {
  const provinceName = provinceNameOf(code.slice(0, 2));
  const current = own(CURRENT_REGION_CODES, code);
  if (current !== undefined)
    return { code, status: 'current', name: current, provinceName, lastListed: null };
  const retired = own(RETIRED_REGION_CODES, code);
  if (retired !== undefined)
    return { code, status: 'retired', name: retired[0], provinceName, lastListed: retired[1] };
  return { code, status: 'unknown', name: null, provinceName, lastListed: null };
}
