/** What the authority holds about one person: the card data and which photo it holds, if any. */
export interface RegistryPerson {
  readonly name: string;
  readonly idNumber: string;
  readonly validFrom: string;
  /** `long-term` (长期) or an ISO date. */
  readonly validTo: string;
  /**
   * The identity label of the person's photo in the reference-photo directory (see ReferencePhotos), or null
   * when the register holds no photo. A label the directory does not hold also means "no photo".
   */
  readonly photoLabel: string | null;
  /** Simulated upstream behaviour for this person, to exercise clients' error handling. */
  readonly behaviour?: 'upstream_error' | 'slow' | 'person_quota_exceeded';
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;

/** ISO 7064 MOD 11-2 (GB 11643-1999), so seeded numbers are valid. */
export function withCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17.charAt(i)) * WEIGHTS[i];
  return `${first17}${'10X98765432'.charAt(sum % 11)}`;
}

/** The documented seed (CONTRACT.md § Test persons). Numbers are synthetic; names are common test names. */
export const SEEDED_PERSONS: readonly RegistryPerson[] = [
  {
    name: '张三',
    idNumber: withCheckCharacter('11010519900307123'),
    validFrom: '2015-03-01',
    validTo: '2035-03-01',
    photoLabel: 'howard',
  },
  {
    name: '李四',
    idNumber: withCheckCharacter('31010419850612234'),
    validFrom: '2010-06-01',
    validTo: 'long-term',
    photoLabel: 'bernadette',
  },
  {
    name: '阿依古丽·买买提',
    idNumber: withCheckCharacter('65010219920101345'),
    validFrom: '2018-01-01',
    validTo: '2038-01-01',
    photoLabel: 'amy',
  },
  {
    name: '𠮷田春',
    idNumber: withCheckCharacter('44030519880808456'),
    validFrom: '2016-08-08',
    validTo: '2036-08-08',
    photoLabel: 'penny',
  },
  {
    name: '赵无照',
    idNumber: withCheckCharacter('32010219750505567'),
    validFrom: '2012-05-05',
    validTo: '2032-05-05',
    photoLabel: null,
  },
  {
    name: '钱过期',
    idNumber: withCheckCharacter('33010619700101678'),
    validFrom: '2000-01-01',
    validTo: '2020-01-01',
    photoLabel: null,
  },
  {
    name: '王小明',
    idNumber: withCheckCharacter('11010820160501789'),
    // A child's card is valid five years; this one outlives the tests that use it (it ended 2026-12-31 before).
    validFrom: '2024-05-01',
    validTo: '2029-05-01',
    photoLabel: null,
  },
  {
    name: '王大明',
    idNumber: withCheckCharacter('11010819850301891'),
    validFrom: '2015-03-01',
    validTo: '2035-03-01',
    photoLabel: 'sheldon',
  },
  {
    name: '李小红',
    idNumber: withCheckCharacter('51010420100315902'),
    validFrom: '2020-03-15',
    validTo: '2030-03-15',
    photoLabel: 'leonard',
  },
  {
    name: '孙故障',
    idNumber: withCheckCharacter('12010119800101013'),
    validFrom: '2010-01-01',
    validTo: 'long-term',
    photoLabel: null,
    behaviour: 'upstream_error',
  },
  {
    name: '吴限流',
    idNumber: withCheckCharacter('14010519830303035'),
    validFrom: '2010-01-01',
    validTo: 'long-term',
    photoLabel: null,
    behaviour: 'person_quota_exceeded',
  },
  {
    name: '周缓慢',
    idNumber: withCheckCharacter('13010219820202024'),
    validFrom: '2010-01-01',
    validTo: 'long-term',
    photoLabel: null,
    behaviour: 'slow',
  },
];

const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红';

/**
 * Generated person n (0-based): name 测试 + two characters from n, ID number 110105 + a birth date counting days
 * from 1970-01-01 + sequence n % 1000, valid long-term, without a photo (face checks answer no_photo). Deterministic so load tests can rebuild it.
 */
export function generatedPerson(n: number): RegistryPerson {
  const birth = new Date(Date.UTC(1970, 0, 1) + Math.floor(n / 1000) * 86_400_000);
  const yyyymmdd = `${birth.getUTCFullYear()}${String(birth.getUTCMonth() + 1).padStart(2, '0')}${String(birth.getUTCDate()).padStart(2, '0')}`;
  const sequence = String(n % 1000).padStart(3, '0');
  const name = `测试${GIVEN.charAt(Math.floor(n / GIVEN.length) % GIVEN.length)}${GIVEN.charAt(n % GIVEN.length)}`;
  return {
    name,
    idNumber: withCheckCharacter(`110105${yyyymmdd}${sequence}`),
    validFrom: '2020-01-01',
    validTo: 'long-term',
    photoLabel: null,
  };
}
