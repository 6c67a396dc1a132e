import { randomUUID } from 'node:crypto';

import { type APIRequestContext, expect } from '@playwright/test';

import { type ApiSession, bearer } from './accounts';

interface PaperQuestion {
  questionId: string;
  view: { type: string; options?: { key: string; text: string }[] };
}

interface StartedAttempt {
  attemptId: string;
  paper: { sections: { questions: PaperQuestion[] }[] };
}

/** The right answers to the exam factory's objective questions (by option text, since keys may be shuffled). */
function rightAnswer(question: PaperQuestion): Record<string, unknown> {
  const keyOf = (text: string) => question.view.options?.find((o) => o.text.includes(text))?.key ?? 'A';
  switch (question.view.type) {
    case 'single':
      return { choice: keyOf('RSA') };
    case 'multiple':
      return { choices: [keyOf('多因素'), keyOf('足够长')] };
    case 'true_false':
      return { truth: false };
    case 'fill_blank':
      return { blanks: ['256'] };
    default:
      return { text: '最小权限原则：只授予完成工作所需的最少权限。' };
  }
}

/**
 * Sits an exam through the exam API as the candidate (the exam room is another feature's page): starts an
 * attempt on one device, answers every question right, and submits.
 */
export async function sitExam(
  request: APIRequestContext,
  candidate: ApiSession,
  examId: string,
): Promise<string> {
  const device = { 'x-device-id': `web-e2e-${randomUUID().slice(0, 8)}` };
  const started = await request.post(`/api/exam/exams/${examId}/attempts`, {
    headers: { ...bearer(candidate), ...device },
    data: {},
  });
  expect(started.status(), await started.text()).toBe(201);
  const attempt = (await started.json()) as StartedAttempt;
  let seq = 0;
  for (const question of attempt.paper.sections.flatMap((s) => s.questions)) {
    seq += 1;
    const saved = await request.put(
      `/api/exam/attempts/${attempt.attemptId}/answers/${question.questionId}`,
      {
        headers: { ...bearer(candidate), ...device },
        data: { seq, idempotencyKey: randomUUID(), answer: rightAnswer(question) },
      },
    );
    expect(saved.ok(), await saved.text()).toBe(true);
  }
  const submitted = await request.post(`/api/exam/attempts/${attempt.attemptId}/submit`, {
    headers: { ...bearer(candidate), ...device },
    data: {},
  });
  expect(submitted.ok(), await submitted.text()).toBe(true);
  return attempt.attemptId;
}
