import { randomUUID } from 'node:crypto';

import type { ServiceTestBed } from '@exam/testing';
import request from 'supertest';

import type { ExamEnv } from '../src/config/exam.env';
import { staff, startExamBed, user } from './support/exam-bed';

/** Every exam route with malformed bodies and parameters: always a 4xx with the shared error body, never a 5xx. */
describe('exam routes under hostile input (e2e)', () => {
  let bed: ServiceTestBed<ExamEnv>;
  const institution = randomUUID();
  const id = randomUUID();

  beforeAll(async () => {
    bed = await startExamBed();
  });

  afterAll(async () => {
    await bed.close();
  });

  const i = `/institutions/${institution}`;
  const routes: [string, string][] = [
    ['post', `${i}/banks`],
    ['patch', `${i}/banks/${id}`],
    ['post', `${i}/banks/${id}/categories`],
    ['patch', `${i}/banks/${id}/categories/${id}`],
    ['post', `${i}/banks/${id}/tags`],
    ['post', `${i}/banks/${id}/questions`],
    ['put', `${i}/banks/${id}/questions/${id}`],
    ['post', `${i}/banks/${id}/import/json`],
    ['post', `${i}/banks/${id}/import/xlsx`],
    ['post', `${i}/papers`],
    ['put', `${i}/papers/${id}`],
    ['post', `${i}/exams`],
    ['put', `${i}/exams/${id}`],
    ['put', `${i}/exams/${id}/accommodations/${id}`],
    ['post', `${i}/exams/${id}/registrations/${id}/reject`],
    ['post', `${i}/exams/${id}/registrations/${id}/reveal`],
    ['post', `${i}/admission-tickets/verify`],
    ['post', `/exams/${id}/registrations`],
    ['put', `/me/registrations/${id}`],
  ];
  const bodies: unknown[] = [
    {},
    [],
    'text',
    42,
    { __proto__: { admin: true }, constructor: { prototype: { x: 1 } } },
    {
      name: 'x'.repeat(10_000),
      questions: 'x',
      sections: [{}],
      answers: [{ key: 'A', value: 1 }],
      settings: [],
    },
    {
      type: 'composite',
      stem: 's',
      score: 1,
      difficulty: 1,
      subQuestions: [{ type: 'composite', subQuestions: [] }],
    },
    { token: 'a.b.c', reason: ' '.repeat(20), fileBase64: '!!!', answers: 'x', items: [null] },
    { opensAt: '2027-02-30T00:00:00Z', feeFen: 1e20, capacity: -1, settings: { allowedIpRanges: [1, null] } },
  ];

  it('should answer every malformed request with a 4xx and the error body', async () => {
    const failures: string[] = [];
    const callers = [staff(institution, 'org_admin'), user()];
    for (const [method, path] of routes) {
      for (const caller of callers) {
        for (const body of bodies) {
          const agent = request(bed.url);
          const call =
            method === 'post'
              ? agent.post(`/api/exam${path}`)
              : method === 'put'
                ? agent.put(`/api/exam${path}`)
                : agent.patch(`/api/exam${path}`);
          const res = await call
            .set('authorization', `Bearer ${caller.token}`)
            .set('content-type', 'application/json')
            .send(JSON.stringify(body));
          const b = res.body as { code?: unknown };
          if (res.status >= 500 || res.status < 400 || typeof b.code !== 'string')
            failures.push(
              `${method} ${path} ${JSON.stringify(body).slice(0, 60)} → ${res.status} ${res.text.slice(0, 120)}`,
            );
        }
      }
    }
    const gets = [
      `${i}/banks/${id}/questions?limit=0&difficulty=x&tag=`,
      `${i}/banks/${id}/questions/${id}/versions/99999999999999999999`,
      `${i}/banks/not-a-uuid`,
      `${i}/papers/${id}/preview?seed=${'x'.repeat(100)}`,
      `${i}/exams?status=nope`,
      `${i}/exams/${id}/registrations?limit=100000&registrationNumber=%00`,
      `/exams/open?institutionId=nope`,
      `/me/registrations/${id}/admission-ticket.pdf`,
    ];
    for (const path of gets) {
      const res = await request(bed.url)
        .get(`/api/exam${path}`)
        .set('authorization', `Bearer ${staff(institution, 'org_admin').token}`);
      if (res.status >= 500 || res.status < 400)
        failures.push(`get ${path} → ${res.status} ${res.text.slice(0, 120)}`);
    }
    expect(failures).toEqual([]);
  });

  it('should tell a client that sent a form instead of JSON what to send (415)', async () => {
    const res = await request(bed.url)
      .post(`/api/exam/institutions/${institution}/exams`)
      .set('authorization', `Bearer ${staff(institution, 'org_admin').token}`)
      .type('form')
      .send('title=x');

    expect(res.status).toBe(415);
    expect(res.body).toMatchObject({
      code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
      message: expect.stringContaining('Content-Type: application/json') as unknown,
    });
  });
});
