import { type APIRequestContext, expect } from '@playwright/test';

import { type ApiSession, bearer, demoOrgAdmin } from './accounts';

export interface ExamSpec {
  /** A practice exam: no registration, open at once (opensAt in the past), unlimited attempts by default. */
  practice?: boolean;
  title?: string;
  /** The notice's rich text (default: two Chinese paragraphs, the second asking not to switch windows). */
  notice?: string;
  feeFen?: number;
  requiresApproval?: boolean;
  requiresRealName?: boolean;
  durationMinutes?: number;
  /** Seconds from now until the exam opens (default: practice -60, otherwise 45, the least a registration needs). */
  opensInSeconds?: number;
  lateEntryMinutes?: number;
  attemptsAllowed?: number;
  faceCheckAtEntry?: boolean;
  /** Minutes between face checks while the attempt runs (default 0: none; 1 is the shortest interval). */
  periodicFaceCheckMinutes?: number;
  resultsRelease?: 'immediately' | 'at_date' | 'after_marking';
  /** Merged over the default anti-cheat policy (warn after 3 tab switches, nothing else). */
  antiCheat?: Record<string, unknown>;
  /** Which questions the paper has: objective only (graded at once), or with an essay (needs marking). */
  questions?: 'objective' | 'with_essay';
  registrationForm?: Record<string, unknown>[];
  /** How essays are marked (default: single marking); see MarkingSettings in apps/exam/src/exam/exam-settings.ts. */
  marking?: {
    doubleMarking: boolean;
    toleranceFraction: number;
    reconciliation: 'average' | 'higher' | 'third_marker';
    step: number;
  };
  /** Anything else of the exam body (settings merged), for a journey that needs a rare setting. */
  extraSettings?: Record<string, unknown>;
  accessPassword?: string;
}

export interface CreatedExam {
  examId: string;
  institutionId: string;
  title: string;
  /** The exam's own bank, which holds its questions. */
  bankId: string;
  paperId: string;
  questionIds: string[];
  opensAt: Date;
  admin: ApiSession;
}

const OBJECTIVE_QUESTIONS: Record<string, unknown>[] = [
  {
    type: 'single',
    stem: '下列算法中，属于非对称加密算法的是？',
    score: 2,
    difficulty: 1,
    explanation: 'RSA 是非对称加密算法；AES、DES 都是对称加密算法。',
    options: [
      { text: 'AES', correct: false },
      { text: 'RSA', correct: true },
      { text: 'DES', correct: false },
    ],
  },
  {
    type: 'multiple',
    stem: '以下哪些措施可以降低口令被盗用的风险？',
    score: 4,
    difficulty: 2,
    partialCredit: 'proportional',
    options: [
      { text: '启用多因素认证', correct: true },
      { text: '把口令写在便签上', correct: false },
      { text: '使用足够长且随机的口令', correct: true },
    ],
  },
  {
    type: 'true_false',
    stem: 'HTTPS 可以保证网站内容本身安全可信。',
    score: 2,
    difficulty: 1,
    answer: false,
    explanation: 'HTTPS 保护传输过程，不能保证网站内容可信。',
  },
  {
    type: 'fill_blank',
    stem: 'SHA-256 输出的摘要长度为 ___ 位。',
    score: 2,
    difficulty: 2,
    blanks: [{ accepted: ['256'] }],
    normalisation: { ignoreSpaces: true, fullWidthToHalfWidth: true },
  },
];

const ESSAY_QUESTION: Record<string, unknown> = {
  type: 'essay',
  stem: '请简述什么是“最小权限原则”，并举例说明。',
  score: 10,
  difficulty: 3,
  rubric: '说明原则 5 分；举例 5 分。',
};

/** The demo institution (scripts/seed-demo.ts), which demo_org_admin administers, read from the token. */
export function institutionOf(admin: ApiSession): string {
  const payload = admin.accessToken.split('.')[1] ?? '';
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
    memberships?: { institutionId: string; roles: string[] }[];
  };
  const institutionId = claims.memberships?.find((m) => m.roles.includes('org_admin'))?.institutionId;
  if (institutionId === undefined)
    throw new Error('demo_org_admin administers no institution: did the demo seed run?');
  return institutionId;
}

const path = (institutionId: string, rest: string) => `/api/exam/institutions/${institutionId}${rest}`;

/** A POST as staff that must succeed (set-up), answering its JSON body. */
export async function postJson<T>(
  request: APIRequestContext,
  admin: ApiSession,
  url: string,
  data?: unknown,
): Promise<T> {
  const response = await request.post(url, {
    headers: bearer(admin),
    ...(data === undefined ? {} : { data }),
  });
  expect(response.ok(), `POST ${url}: ${response.status()} ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

/**
 * A published exam of the demo institution, made through the exam API as demo_org_admin: its own bank,
 * questions and fixed paper, so journeys never share or disturb each other's exams. Real-name is not
 * required by default, so fresh accounts can register and sit it.
 */
export async function createExam(request: APIRequestContext, spec: ExamSpec = {}): Promise<CreatedExam> {
  const admin = await demoOrgAdmin(request);
  const institutionId = institutionOf(admin);
  const stamp = `${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`;
  const bank = await postJson<{ bankId: string }>(request, admin, path(institutionId, '/banks'), {
    name: `web-e2e ${stamp}`,
  });
  const bodies =
    spec.questions === 'with_essay' ? [...OBJECTIVE_QUESTIONS, ESSAY_QUESTION] : OBJECTIVE_QUESTIONS;
  const questionIds: string[] = [];
  for (const body of bodies) {
    const created = await postJson<{ questionId: string }>(
      request,
      admin,
      path(institutionId, `/banks/${bank.bankId}/questions`),
      body,
    );
    questionIds.push(created.questionId);
  }
  const paper = await postJson<{ paperId: string; totalScore: number }>(
    request,
    admin,
    path(institutionId, '/papers'),
    {
      title: `web-e2e paper ${stamp}`,
      bankId: bank.bankId,
      kind: 'fixed',
      sections: [
        {
          title: '一、试题',
          instructions: '请作答全部试题。',
          items: questionIds.map((questionId) => ({ questionId })),
          draws: [],
          shuffleQuestions: false,
          shuffleOptions: false,
        },
      ],
    },
  );

  const practice = spec.practice ?? false;
  const now = Date.now();
  const opensAt = new Date(now + (spec.opensInSeconds ?? (practice ? -60 : 45)) * 1000);
  const closesAt = new Date(opensAt.getTime() + 3 * 3_600_000);
  const title = spec.title ?? `网页测试考试 ${stamp}`;
  const exam = await postJson<{ examId: string }>(request, admin, path(institutionId, '/exams'), {
    title,
    notice: spec.notice ?? '<p>本考试由浏览器测试创建。</p><p>考试期间请勿切换窗口。</p>',
    paperId: paper.paperId,
    visibility: 'public',
    practice,
    opensAt: opensAt.toISOString(),
    closesAt: closesAt.toISOString(),
    ...(practice
      ? {}
      : {
          registrationOpensAt: new Date(now - 3_600_000).toISOString(),
          registrationClosesAt: opensAt.toISOString(),
          capacity: 100,
        }),
    feeFen: spec.feeFen ?? 0,
    requiresRealName: spec.requiresRealName ?? false,
    requiresApproval: spec.requiresApproval ?? false,
    settings: {
      durationMinutes: spec.durationMinutes ?? 30,
      lateEntryMinutes: spec.lateEntryMinutes ?? 60,
      minMinutesBeforeSubmit: 0,
      attemptsAllowed: spec.attemptsAllowed ?? (practice ? 0 : 1),
      countedAttempt: 'best',
      onExpiry: 'auto_submit',
      graceMinutes: 0,
      passScore: Math.ceil(paper.totalScore * 0.6),
      resultsRelease: spec.resultsRelease ?? 'immediately',
      allowedIpRanges: [],
      faceCheckAtEntry: spec.faceCheckAtEntry ?? false,
      antiCheat: {
        tabSwitchLimit: 3,
        tabSwitchMinAwaySeconds: 5,
        fullScreenRequired: false,
        blockCopyPaste: false,
        periodicFaceCheckMinutes: spec.periodicFaceCheckMinutes ?? 0,
        faceCheckFailureLimit: 0,
        consequence: 'warn',
        ...spec.antiCheat,
      },
      venue: { kind: 'online', link: 'https://exam.example.com/room' },
      registrationForm: spec.registrationForm ?? [],
      ...(spec.marking === undefined ? {} : { marking: spec.marking }),
      ...(spec.accessPassword === undefined ? {} : { accessPassword: spec.accessPassword }),
      ...spec.extraSettings,
    },
  });
  await postJson(request, admin, path(institutionId, `/exams/${exam.examId}/publish`));
  return {
    examId: exam.examId,
    institutionId,
    title,
    bankId: bank.bankId,
    paperId: paper.paperId,
    questionIds,
    opensAt,
    admin,
  };
}

/** Waits (in the test, not the page) until the exam's window has opened. */
export async function untilOpen(exam: CreatedExam): Promise<void> {
  const wait = exam.opensAt.getTime() - Date.now() + 1_000;
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
}
