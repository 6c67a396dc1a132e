import { randomUUID } from 'node:crypto';

import type { ServiceTestBed } from '@exam/testing';
import ExcelJS from 'exceljs';

import type { ExamEnv } from '../src/config/exam.env';
import { type Caller, ExamClient, staff, startExamBed, user } from './support/exam-bed';

async function workbook(rows: (string | number)[][]): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('questions');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
}

const HEADER = [
  'type',
  'stem',
  'score',
  'difficulty',
  'category',
  'tags',
  'answer',
  'partial_credit',
  'normalisation',
  'explanation',
  'rubric',
  'group',
  'option_A',
  'option_B',
  'option_C',
  'option_D',
];

describe('exam question banks (e2e)', () => {
  let bed: ServiceTestBed<ExamEnv>;
  let api: ExamClient;
  const institution = randomUUID();
  const other = randomUUID();
  let admin: Caller;
  let outsider: Caller;
  let bankId: string;

  beforeAll(async () => {
    bed = await startExamBed();
    api = new ExamClient(bed.url);
    admin = staff(institution, 'org_admin');
    outsider = staff(other, 'org_admin');
  });

  afterAll(async () => {
    await bed.close();
  });

  const base = () => `/institutions/${institution}/banks`;

  it('should create a bank with a category tree and tags', async () => {
    const bank = await api.call('post', base(), admin, { name: '数学题库' });
    expect(bank.status).toBe(201);
    bankId = bank.body.bankId as string;
    const root = await api.call('post', `${base()}/${bankId}/categories`, admin, { name: '代数' });
    const child = await api.call('post', `${base()}/${bankId}/categories`, admin, {
      name: '方程',
      parentId: root.body.categoryId,
    });
    expect(child.status).toBe(201);
    const cycle = await api.call(
      'patch',
      `${base()}/${bankId}/categories/${root.body.categoryId as string}`,
      admin,
      {
        parentId: child.body.categoryId,
      },
    );
    expect(cycle).toMatchObject({ status: 409, body: { code: 'BANK.CATEGORY_CYCLE' } });
    const tree = await api.call('get', `${base()}/${bankId}/categories`, admin);
    expect(tree.body).toMatchObject({ tree: [{ name: '代数', children: [{ name: '方程' }] }] });
    expect((await api.call('post', `${base()}/${bankId}/tags`, admin, { name: '基础' })).status).toBe(201);
    expect(await api.call('post', `${base()}/${bankId}/tags`, admin, { name: '基础' })).toMatchObject({
      status: 409,
      body: { code: 'BANK.TAG_EXISTS' },
    });
    const notEmpty = await api.call(
      'delete',
      `${base()}/${bankId}/categories/${root.body.categoryId as string}`,
      admin,
    );
    expect(notEmpty).toMatchObject({ status: 409, body: { code: 'BANK.CATEGORY_NOT_EMPTY' } });
  });

  it('should refuse a blank category name and a sibling’s name on create, rename and move, and allow it elsewhere', async () => {
    const bank = await api.call('post', base(), admin, { name: '分类重名' });
    const categories = `${base()}/${bank.body.bankId as string}/categories`;
    const create = (name: string, parentId?: string) =>
      api.call('post', categories, admin, { name, ...(parentId === undefined ? {} : { parentId }) });
    const algebra = (await create('代数')).body.categoryId as string;
    const geometry = (await create('几何')).body.categoryId as string;
    const equations = (await create('方程', algebra)).body.categoryId as string;
    expect((await create('Functions', algebra)).status).toBe(201);

    expect(await create('   ')).toMatchObject({ status: 400, body: { code: 'REQUEST.INVALID' } });
    expect(await create(' 几何 ')).toMatchObject({
      status: 409,
      body: { code: 'BANK.CATEGORY_EXISTS', details: [{ field: 'name' }] },
    });
    expect(await create('functions', algebra)).toMatchObject({
      status: 409,
      body: { code: 'BANK.CATEGORY_EXISTS' },
    });
    const rename = (id: string, body: Record<string, unknown>) =>
      api.call('patch', `${categories}/${id}`, admin, body);
    expect(await rename(equations, { name: ' ' })).toMatchObject({
      status: 400,
      body: { code: 'REQUEST.INVALID' },
    });
    expect(await rename(equations, { name: 'FUNCTIONS' })).toMatchObject({
      status: 409,
      body: { code: 'BANK.CATEGORY_EXISTS' },
    });
    // Moving to the top level, where 几何 is taken, is refused too; keeping its own name is not a clash.
    expect(await rename(equations, { name: '几何', parentId: null })).toMatchObject({
      status: 409,
      body: { code: 'BANK.CATEGORY_EXISTS' },
    });
    expect(await rename(equations, { name: '方程' })).toMatchObject({ status: 200, body: { name: '方程' } });
    // The same name under another parent is fine.
    expect(await rename(equations, { name: '一元方程', parentId: geometry })).toMatchObject({
      status: 200,
      body: { name: '一元方程', parentId: geometry },
    });
    expect((await create('方程', algebra)).status).toBe(201);
    expect((await create('方程', geometry)).status).toBe(201);
  });

  it('should keep banks inside their institution: other institutions, candidates and no token are refused', async () => {
    expect((await api.call('get', base(), outsider)).status).toBe(403);
    expect((await api.call('get', `${base()}/${bankId}`, user())).status).toBe(403);
    expect((await api.call('get', base(), null)).status).toBe(401);
    // The outsider's own route with our bank id: the bank does not exist for them.
    const foreign = await api.call('get', `/institutions/${other}/banks/${bankId}`, outsider);
    expect(foreign).toMatchObject({ status: 404, body: { code: 'BANK.NOT_FOUND' } });
    const questions = await api.call('get', `/institutions/${other}/banks/${bankId}/questions`, outsider);
    expect(questions.status).toBe(404);
  });

  it('should store every question type, sanitised, and refuse broken ones with the field', async () => {
    const q = (body: object) => api.call('post', `${base()}/${bankId}/questions`, admin, body);
    const single = await q({
      type: 'single',
      stem: '<p onclick="x()">1+1=?</p><script>alert(1)</script><img src="javascript:alert(1)">',
      score: 2,
      difficulty: 1,
      tags: ['基础', '新标签'],
      options: [
        { text: '1', correct: false },
        { text: '2', correct: true },
      ],
    });
    expect(single).toMatchObject({
      status: 201,
      body: { version: 1, content: { stem: '<p>1+1=?</p><img />' } },
    });
    const kinds = [
      {
        type: 'multiple',
        stem: 'm',
        score: 3,
        difficulty: 2,
        partialCredit: 'proportional',
        options: [
          { text: 'a', correct: true },
          { text: 'b', correct: true },
          { text: 'c', correct: false },
        ],
      },
      { type: 'true_false', stem: 't', score: 1, difficulty: 1, answer: false },
      {
        type: 'fill_blank',
        stem: '$x^2$ = ___',
        score: 2,
        difficulty: 3,
        blanks: [{ accepted: ['4', '四'] }],
        normalisation: { ignoreCase: true },
      },
      { type: 'essay', stem: 'e', score: 10, difficulty: 4, rubric: 'points' },
      {
        type: 'composite',
        stem: '材料',
        score: 3,
        difficulty: 3,
        subQuestions: [
          { type: 'true_false', stem: 's1', score: 1, answer: true },
          { type: 'essay', stem: 's2', score: 2, rubric: 'r' },
        ],
      },
    ];
    for (const body of kinds) expect((await q(body)).status).toBe(201);
    const broken = await q({
      type: 'single',
      stem: 's',
      score: 1,
      difficulty: 1,
      options: [
        { text: 'a', correct: true },
        { text: 'b', correct: true },
      ],
    });
    expect(broken).toMatchObject({
      status: 400,
      body: { code: 'BANK.QUESTION_INVALID', details: [{ field: 'options' }] },
    });
    const unknownField = await q({ type: 'essay', stem: 's', score: 1, difficulty: 1, rubric: 'r', evil: 1 });
    expect(unknownField).toMatchObject({ status: 400, body: { code: 'REQUEST.INVALID' } });
    const tags = await api.call('get', `${base()}/${bankId}/tags`, admin);
    expect((tags.body.items as { name: string }[]).map((t) => t.name)).toEqual(
      expect.arrayContaining(['基础', '新标签']),
    );
    const filtered = await api.call('get', `${base()}/${bankId}/questions?type=fill_blank`, admin);
    expect(filtered.body).toMatchObject({ total: 1 });
    const tagged = await api.call(
      'get',
      `${base()}/${bankId}/questions?tag=${encodeURIComponent('新标签')}`,
      admin,
    );
    expect(tagged.body).toMatchObject({ total: 1 });
  });

  it('should edit an unpublished question in place (same version)', async () => {
    const created = await api.call('post', `${base()}/${bankId}/questions`, admin, {
      type: 'true_false',
      stem: 'a',
      score: 1,
      difficulty: 1,
      answer: true,
    });
    const id = created.body.questionId as string;
    const edited = await api.call('put', `${base()}/${bankId}/questions/${id}`, admin, {
      type: 'true_false',
      stem: 'b',
      score: 1,
      difficulty: 2,
      answer: false,
    });
    expect(edited).toMatchObject({
      status: 200,
      body: { version: 1, difficulty: 2, content: { stem: 'b', answer: false } },
    });
    expect((await api.call('delete', `${base()}/${bankId}/questions/${id}`, admin)).status).toBe(204);
    expect((await api.call('get', `${base()}/${bankId}/questions/${id}`, admin)).status).toBe(404);
  });

  it('should refuse a whole workbook with bad rows, reporting each row, column and reason', async () => {
    const bank = await api.call('post', base(), admin, { name: 'import' });
    const id = bank.body.bankId as string;
    const fileBase64 = await workbook([
      HEADER,
      ['single', '好题', 2, 1, '', '', 'B', '', '', '', '', '', '1', '2'],
      ['single', '坏答案', 2, 1, '', '', 'Z', '', '', '', '', '', '1', '2'],
      ['true_false', '判断', 'x', 9, '', '', '也许'],
      ['essay', '无评分标准', 5],
      ['fill_blank', '填空', 2, 1, '', '', '', '', 'shout'],
      ['wat', 'stem', 1],
    ]);
    const refused = await api.call('post', `${base()}/${id}/import/xlsx`, admin, { fileBase64 });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('IMPORT.ROWS_INVALID');
    const details = refused.body.details as { row: number; column: string; reason: string }[];
    expect(details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 3, column: 'G' }),
        expect.objectContaining({ row: 4, column: 'C' }),
        expect.objectContaining({ row: 4, column: 'D' }),
        expect.objectContaining({ row: 4, column: 'G' }),
        expect.objectContaining({ row: 5, column: 'K' }),
        expect.objectContaining({ row: 6, column: 'I' }),
        expect.objectContaining({ row: 7, column: 'A' }),
      ]),
    );
    expect(details.some((d) => d.row === 2)).toBe(false);
    const list = await api.call('get', `${base()}/${id}/questions`, admin);
    expect(list.body).toMatchObject({ total: 0 });
    const garbage = await api.call('post', `${base()}/${id}/import/xlsx`, admin, {
      fileBase64: Buffer.from('not a zip').toString('base64'),
    });
    expect(garbage).toMatchObject({ status: 400, body: { code: 'IMPORT.UNREADABLE' } });
  });

  it('should import the template, export it as xlsx and JSON, and import the JSON back', async () => {
    const template = await api.call(
      'get',
      `/institutions/${institution}/question-import-template.xlsx`,
      admin,
      undefined,
      true,
    );
    expect(template.status).toBe(200);
    const bank = await api.call('post', base(), admin, { name: 'template' });
    const id = bank.body.bankId as string;
    const imported = await api.call('post', `${base()}/${id}/import/xlsx`, admin, {
      fileBase64: template.raw?.toString('base64'),
    });
    expect(imported).toMatchObject({ status: 201, body: { imported: 6, categoriesCreated: 2 } });
    const xlsx = await api.call('get', `${base()}/${id}/export/xlsx`, admin, undefined, true);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const again = await api.call('post', base(), admin, { name: 'again' });
    const reimported = await api.call('post', `${base()}/${again.body.bankId as string}/import/xlsx`, admin, {
      fileBase64: xlsx.raw?.toString('base64'),
    });
    expect(reimported).toMatchObject({ status: 201, body: { imported: 6 } });
    const json = await api.call('get', `${base()}/${id}/export/json`, admin);
    expect(json.body).toMatchObject({ format: 'exam-bank/v1' });
    const third = await api.call('post', base(), admin, { name: 'json' });
    const fromJson = await api.call(
      'post',
      `${base()}/${third.body.bankId as string}/import/json`,
      admin,
      json.body,
    );
    expect(fromJson).toMatchObject({ status: 201, body: { imported: 6 } });
  });

  it('should import 5,000 questions in seconds', async () => {
    const bank = await api.call('post', base(), admin, { name: 'big' });
    const id = bank.body.bankId as string;
    const rows: (string | number)[][] = [HEADER];
    for (let i = 0; i < 5000; i++) {
      const kind = i % 4;
      if (kind === 0)
        rows.push([
          'single',
          `题目 ${i}：<b>选择</b>`,
          2,
          (i % 5) + 1,
          `章节${i % 10}/节${i % 3}`,
          `t${i % 7}`,
          'C',
          '',
          '',
          '解析',
          '',
          '',
          'a',
          'b',
          'c',
          'd',
        ]);
      else if (kind === 1)
        rows.push([
          'multiple',
          `多选 ${i}`,
          4,
          2,
          `章节${i % 10}`,
          '',
          'AB',
          'wrong_choice_zero',
          '',
          '',
          '',
          '',
          'a',
          'b',
          'c',
        ]);
      else if (kind === 2) rows.push(['true_false', `判断 ${i}`, 1, 1, '', '', '对']);
      else rows.push(['fill_blank', `填空 ${i}`, 2, 3, '', '', 'x|X||y', '', 'ignore_case']);
    }
    const fileBase64 = await workbook(rows);
    const started = process.hrtime.bigint();
    const result = await api.call('post', `${base()}/${id}/import/xlsx`, admin, { fileBase64 });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    // Reported, not asserted: the time depends on the machine.
    process.stdout.write(
      `\n5,000-question .xlsx import took ${ms.toFixed(0)} ms (${fileBase64.length} base64 bytes)\n`,
    );
    expect(result).toMatchObject({ status: 201, body: { imported: 5000 } });
    const count = await api.call('get', `${base()}/${id}/questions?limit=1`, admin);
    expect(count.body).toMatchObject({ total: 5000 });
  });
});
