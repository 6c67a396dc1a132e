import { isIPv4, isIPv6 } from 'node:net';

import { codePoints, keepEnds, MASK_CHAR } from './mask-string';

/** `1****************X`; also 15-digit numbers (`1*************5`); under 6 characters, all stars. */
export function maskIdNumber(value: string): string {
  return keepEnds(value.trim(), 1, 1, 6);
}

/**
 * `138****5678`. A `+86` prefix is kept and the national number masked the same way; other values of 11+
 * characters keep 3 + 4, shorter ones (landlines without area code) keep only the last 2, under 7 all stars.
 */
export function maskPhone(value: string): string {
  const trimmed = value.trim();
  if (trimmed.startsWith('+86')) return `+86${maskPhone(trimmed.slice(3))}`;
  const length = codePoints(trimmed).length;
  if (length >= 11) return keepEnds(trimmed, 3, 4, 11);
  return keepEnds(trimmed, 0, 2, 7);
}

/**
 * `z***@example.com`: first character of the local part, a fixed `***` that hides its length, the domain.
 * A one-character local part is starred too (showing it would show all of it); no `@` means all hidden.
 */
export function maskEmail(value: string): string {
  const trimmed = value.trim();
  const at = trimmed.lastIndexOf('@');
  if (at <= 0 || at === trimmed.length - 1) return '***';
  const local = codePoints(trimmed.slice(0, at));
  const head = local.length >= 2 ? local[0] : MASK_CHAR;
  return `${head}***@${trimmed.slice(at + 1)}`;
}

/**
 * `**明`: every character but the last is starred, length preserved. This holds for compound names with `·`
 * (the separator is starred too, so segment lengths are not revealed) and for Latin-script names alike;
 * a single character becomes `*` since its last character is all of it.
 */
export function maskName(value: string): string {
  const chars = codePoints(value.trim());
  if (chars.length <= 1) return MASK_CHAR.repeat(chars.length);
  return MASK_CHAR.repeat(chars.length - 1) + chars[chars.length - 1];
}

const MASKED_CARD = /^[*\s-]*\*[*\s-]*[0-9]{4}$/;

/** `**** **** **** 1234` whatever the card length (hiding it); fewer than 12 digits reveal nothing. */
export function maskBankCard(value: string): string {
  const trimmed = value.trim();
  const digits = trimmed.replace(/[^0-9]/g, '');
  if (digits.length >= 12 || MASKED_CARD.test(trimmed)) return `**** **** **** ${digits.slice(-4)}`;
  return '**** **** **** ****';
}

const PROVINCE =
  /^(?:(?:北京|天津|上海|重庆)市?|(?:河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|台湾)省?|(?:内蒙古|西藏)(?:自治区)?|广西(?:壮族自治区)?|宁夏(?:回族自治区)?|新疆(?:维吾尔自治区)?|(?:香港|澳门)(?:特别行政区)?)/u;
const MUNICIPALITY = /^(?:北京|天津|上海|重庆)/u;
/** The city name may not contain the markers of lower levels, so a `市` inside a street name is not taken. */
const CITY = /^[^县区镇乡街路道村号巷弄0-9\s]{1,10}?(?:自治州|地区|盟|市)/u;

/**
 * Province and city only (`广东省深圳市`); a municipality is its own city (`北京市`). Anything unparseable,
 * including non-Chinese addresses, becomes `****` rather than risking a street leaking through.
 */
export function maskAddress(value: string): string {
  const trimmed = value.trim();
  const province = PROVINCE.exec(trimmed)?.[0] ?? '';
  if (province !== '' && MUNICIPALITY.test(province)) return province;
  const city = CITY.exec(trimmed.slice(province.length))?.[0] ?? '';
  const kept = province + city;
  return kept === '' ? '****' : kept;
}

const MASKED_IPV4 = /^[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.\*$/;
const MASKED_IPV6 =
  /^(?:::ffff:[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.\*|[0-9a-f]{1,4}:[0-9a-f]{1,4}:[0-9a-f]{1,4}:\*)$/i;

function ipv6Groups(address: string): string[] {
  const halves = address.split('::');
  const expand = (part: string): string[] =>
    part === '' ? [] : part.split(':').flatMap((group) => (group.includes('.') ? ['0', '0'] : [group]));
  const headGroups = expand(halves[0] ?? '');
  if (halves.length === 1) return headGroups;
  const tailGroups = expand(halves[1] ?? '');
  return [
    ...headGroups,
    ...Array<string>(8 - headGroups.length - tailGroups.length).fill('0'),
    ...tailGroups,
  ];
}

/** IPv4 keeps the /24 (`203.0.113.*`); IPv6 keeps the /48; anything else is hidden. */
export function maskIp(value: string): string {
  const trimmed = value.trim();
  if (MASKED_IPV4.test(trimmed) || MASKED_IPV6.test(trimmed)) return trimmed;
  if (isIPv4(trimmed)) return `${trimmed.slice(0, trimmed.lastIndexOf('.'))}.*`;
  if (isIPv6(trimmed)) {
    const mapped = /^::ffff:([0-9.]+)$/i.exec(trimmed);
    if (mapped?.[1] !== undefined && isIPv4(mapped[1])) return `::ffff:${maskIp(mapped[1])}`;
    const groups = ipv6Groups(trimmed.toLowerCase());
    return `${groups.slice(0, 3).join(':')}:*`;
  }
  return '***';
}
