/**
 * The allow-list for rich text shown in the browser (an exam's notice, question stems and explanations). The
 * exam service sanitises rich text when it is stored; the page checks again before rendering, and renders
 * elements it builds itself, never the HTML string: defence in depth against anything stored before that
 * rule or by another path.
 */
const TEXT_TAGS = [
  'p',
  'br',
  'hr',
  'span',
  'div',
  'b',
  'strong',
  'i',
  'em',
  'u',
  's',
  'sub',
  'sup',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
  'caption',
  'img',
  'h1',
  'h2',
  'h3',
  'h4',
] as const;

const MATHML_TAGS = [
  'math',
  'mi',
  'mn',
  'mo',
  'ms',
  'mtext',
  'mrow',
  'msup',
  'msub',
  'msubsup',
  'mfrac',
  'msqrt',
  'mroot',
  'mover',
  'munder',
  'munderover',
  'mtable',
  'mtr',
  'mtd',
  'mspace',
  'semantics',
  'annotation',
] as const;

const ALLOWED_TAGS: ReadonlySet<string> = new Set([...TEXT_TAGS, ...MATHML_TAGS]);

/** Elements dropped with everything inside them (their text is not content). */
const DROPPED_WITH_CONTENT: ReadonlySet<string> = new Set([
  'script',
  'style',
  'iframe',
  'object',
  'embed',
  'template',
  'noscript',
  'textarea',
  'select',
  'svg',
]);

const ALLOWED_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  img: ['src', 'alt', 'width', 'height'],
  td: ['colspan', 'rowspan'],
  th: ['colspan', 'rowspan'],
  ol: ['start', 'type'],
  math: ['display', 'xmlns'],
  annotation: ['encoding'],
  mo: ['stretchy', 'fence'],
};

const DATA_IMAGE = /^data:image\/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=]+$/i;

export type TagRule = 'keep' | 'unwrap' | 'drop';

/** keep the element, unwrap it (keep its children), or drop it with its content. */
export function tagRule(tag: string): TagRule {
  const name = tag.toLowerCase();
  if (ALLOWED_TAGS.has(name)) return 'keep';
  if (DROPPED_WITH_CONTENT.has(name)) return 'drop';
  return 'unwrap';
}

/** Whether `name="value"` may stay on `tag`: only listed attributes, images only from https or data:image. */
export function attributeAllowed(tag: string, name: string, value: string): boolean {
  const t = tag.toLowerCase();
  const n = name.toLowerCase();
  if (!(ALLOWED_ATTRIBUTES[t] ?? []).includes(n)) return false;
  if (t === 'img' && n === 'src') {
    const src = value.trim();
    return src.startsWith('https://') || DATA_IMAGE.test(src);
  }
  if (n === 'width' || n === 'height' || n === 'colspan' || n === 'rowspan' || n === 'start')
    return /^\d{1,4}$/.test(value.trim());
  return true;
}

/** React's names for the few attributes whose DOM name differs. */
export function reactAttributeName(name: string): string {
  const n = name.toLowerCase();
  if (n === 'colspan') return 'colSpan';
  if (n === 'rowspan') return 'rowSpan';
  return n;
}

/**
 * Headings inside rich text sit under the page's own headings (h1 title, h2 section): they start at h3, so
 * the page keeps one h1 and a sensible outline.
 */
export function renderedTag(tag: string): string {
  const name = tag.toLowerCase();
  if (name === 'h1' || name === 'h2') return 'h3';
  if (name === 'h3') return 'h4';
  if (name === 'h4') return 'h5';
  return name;
}

/** Elements that take no children in React. */
export function isVoidTag(tag: string): boolean {
  return tag === 'br' || tag === 'hr' || tag === 'img';
}
