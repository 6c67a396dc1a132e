import { brotliDecompressSync, gunzipSync } from 'node:zlib';

import { chooseContentCoding } from './content-coding';
import { etagMatches } from './etag';
import { PaperBody } from './paper-body';

const paper = {
  totalScore: 4,
  sections: [
    {
      title: '一',
      questions: Array.from({ length: 20 }, (_, i) => ({
        questionId: `q-${i}`,
        view: { type: 'single', stem: `第 ${i + 1} 题：哪一项正确？`, options: ['A', 'B', 'C', 'D'] },
      })),
    },
  ],
};

describe('PaperBody', () => {
  it('serializes once and gives the same JSON in every coding', () => {
    const body = new PaperBody(paper, () => undefined);
    const plain = body.in('identity');
    expect(JSON.parse(plain.toString('utf8'))).toEqual(paper);
    expect(body.in('identity')).toBe(plain);
    expect(brotliDecompressSync(body.in('br')).equals(plain)).toBe(true);
    expect(gunzipSync(body.in('gzip')).equals(plain)).toBe(true);
    expect(body.in('gzip')).toBe(body.in('gzip'));
    expect(body.in('br').length).toBeLessThan(plain.length / 3);
  });

  it('masks an ID number typed into a question and names where it was, once', () => {
    const reports: string[][] = [];
    const leaky = { stem: '例：身份证号 11010519491231002X 属于哪个地区？' };
    const body = new PaperBody(leaky, (paths) => reports.push([...paths]));
    const text = body.in('identity').toString('utf8');
    body.in('gzip');
    expect(text).not.toContain('11010519491231002X');
    expect(text).toContain('*');
    expect(reports).toEqual([['$.stem']]);
  });
});

describe('chooseContentCoding', () => {
  it.each([
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip, deflate', 'gzip'],
    ['br;q=0, gzip;q=0.5', 'gzip'],
    ['*', 'br'],
    ['*;q=0, gzip', 'gzip'],
    ['identity', 'identity'],
    ['BR', 'br'],
    ['gzip;q=0', 'identity'],
    ['gzip;q=nonsense', 'identity'],
    ['', 'identity'],
    [undefined, 'identity'],
  ])('%s → %s', (header, coding) => {
    expect(chooseContentCoding(header)).toBe(coding);
  });
});

describe('etagMatches', () => {
  it('matches the tag, its weak form, a list holding it and *', () => {
    expect(etagMatches('"paper-a"', '"paper-a"')).toBe(true);
    expect(etagMatches('W/"paper-a"', '"paper-a"')).toBe(true);
    expect(etagMatches('"x", "paper-a-br"', '"paper-a-br"')).toBe(true);
    expect(etagMatches('*', '"paper-a"')).toBe(true);
  });

  it('does not match another representation or another attempt', () => {
    expect(etagMatches('"paper-a"', '"paper-a-gzip"')).toBe(false);
    expect(etagMatches('"paper-b"', '"paper-a"')).toBe(false);
    expect(etagMatches('', '"paper-a"')).toBe(false);
  });
});
