/**
 * Seeds a clearly marked demo into a running local platform, through the public HTTP APIs (and the
 * grant-role CLI for the first platform admin), so the seed exercises the real flows:
 *
 *   node dist/scripts/seed-demo.js                     (what `npm run start:local` runs once all is up)
 *   node -r @swc-node/register scripts/seed-demo.ts    (from the sources)
 *
 * It creates, unless they already exist: a platform admin, a privacy policy version, a security analyst,
 * an institution with its org admin and an org staff member, and three candidates, two of them real-name
 * verified by identity against the authority simulator's register; then, as the org admin, a question bank,
 * a fixed paper and a published, free exam requiring real names, for which candidate 1 is registered (the
 * unverified candidate 3 is not). Running it again changes nothing.
 * One-time codes and the staff invitation are read from the development mailbox, which exists only
 * outside production; the seed refuses to run with NODE_ENV=production.
 *
 * Settings: SEED_BASE_URL (the gateway, default http://127.0.0.1:3000), DEMO_PASSWORD (default below).
 * The grant-role CLI reads the accounts service's environment, as exported by the start command.
 */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

import { SEEDED_PERSONS } from '../apps/authority-sim/src/registry/test-persons';

const BASE_URL = (process.env.SEED_BASE_URL ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? 'Demo-Exam-Platform-2026';
const POLICY_VERSION = 'demo-1';
const INSTITUTION_NAME = '[DEMO] Riverside Examination Centre';
const run = promisify(execFile);

interface DemoUser {
  readonly username: string;
  readonly email: string;
  readonly nickname: string;
  readonly role: string;
  /** A person of the authority simulator's register (apps/authority-sim/CONTRACT.md § Test persons). */
  readonly realName?: string;
}

const DEMO_USERS = {
  admin: {
    username: 'demo_admin',
    email: 'demo.admin@example.com',
    nickname: '[DEMO] Platform admin',
    role: 'platform admin',
  },
  analyst: {
    username: 'demo_analyst',
    email: 'demo.analyst@example.com',
    nickname: '[DEMO] Security analyst',
    role: 'security analyst',
  },
  orgAdmin: {
    username: 'demo_org_admin',
    email: 'demo.org.admin@example.com',
    nickname: '[DEMO] Institution admin',
    role: 'org admin (institution)',
  },
  orgStaff: {
    username: 'demo_org_staff',
    email: 'demo.org.staff@example.com',
    nickname: '[DEMO] Institution staff',
    role: 'org staff (institution)',
  },
  candidate1: {
    username: 'demo_candidate1',
    email: 'demo.candidate1@example.com',
    nickname: '[DEMO] Candidate 1',
    role: 'candidate, real-name verified',
    realName: '张三',
  },
  candidate2: {
    username: 'demo_candidate2',
    email: 'demo.candidate2@example.com',
    nickname: '[DEMO] Candidate 2',
    role: 'candidate, real-name verified',
    realName: '李四',
  },
  candidate3: {
    username: 'demo_candidate3',
    email: 'demo.candidate3@example.com',
    nickname: '[DEMO] Candidate 3',
    role: 'candidate, not verified yet',
  },
} as const satisfies Record<string, DemoUser>;

class SeedError extends Error {}

interface Reply {
  readonly status: number;
  readonly body: { readonly code?: string; readonly message?: string; readonly [field: string]: unknown };
}

/** The status and the shared error body's code and message, for a failure message. */
function problemOf(reply: Reply): string {
  return [`HTTP ${reply.status}`, reply.body.code, reply.body.message]
    .filter((p) => p !== undefined)
    .join(' ');
}

interface Session {
  readonly userId: string;
  readonly accessToken: string;
  readonly roles: string[];
  readonly institutionIds: string[];
}

async function call(method: string, path: string, body?: object, token?: string): Promise<Reply> {
  const response = await fetch(`${BASE_URL}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
      'user-agent': 'exam-platform-demo-seed',
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  let parsed: Reply['body'] = {};
  try {
    parsed = text === '' ? {} : (JSON.parse(text) as Reply['body']);
  } catch {
    parsed = { message: text };
  }
  return { status: response.status, body: parsed };
}

async function expectStatus(reply: Promise<Reply>, expected: number[], what: string): Promise<Reply> {
  const answered = await reply;
  if (!expected.includes(answered.status)) {
    throw new SeedError(`${what}: ${problemOf(answered)}`);
  }
  return answered;
}

function claimsOf(jwt: string): { sub: string; roles: string[]; memberships: { institutionId: string }[] } {
  return JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString()) as {
    sub: string;
    roles: string[];
    memberships: { institutionId: string }[];
  };
}

function sessionOf(accessToken: string): Session {
  const claims = claimsOf(accessToken);
  return {
    userId: claims.sub,
    accessToken,
    roles: claims.roles,
    institutionIds: claims.memberships.map((m) => m.institutionId),
  };
}

/** The newest message to `to` in the development mailbox, waiting a little for it to arrive. */
async function latestMail(to: string, pattern: RegExp): Promise<string> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const reply = await expectStatus(
      call('GET', `/api/accounts/dev/mailbox?to=${encodeURIComponent(to)}`),
      [200],
      'reading the development mailbox (is NOTIFIER=dev-mailbox and NODE_ENV not production?)',
    );
    const messages = (reply.body.messages ?? []) as { text: string }[];
    const match = pattern.exec(messages[0]?.text ?? '');
    if (match?.[1] !== undefined) return match[1];
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new SeedError(`no message for ${to} in the development mailbox`);
}

async function signIn(user: DemoUser): Promise<Session | null> {
  const reply = await call('POST', '/api/accounts/auth/login', {
    login: user.username,
    password: DEMO_PASSWORD,
  });
  if (reply.status === 401) return null;
  if (reply.status === 202) {
    // A risky sign-in (audit asked for a step-up): confirm it with the code sent to the demo mailbox.
    const code = await latestMail(user.email, /(\d{6})/);
    const confirmed = await expectStatus(
      call('POST', '/api/accounts/auth/step-up', { challengeId: reply.body.challengeId, code }),
      [200],
      `confirming the sign-in of ${user.username}`,
    );
    return sessionOf(String(confirmed.body.accessToken));
  }
  if (reply.status !== 200) {
    throw new SeedError(`signing in ${user.username}: ${problemOf(reply)}`);
  }
  return sessionOf(String(reply.body.accessToken));
}

async function currentPolicyVersion(): Promise<string | undefined> {
  const reply = await call('GET', '/api/accounts/privacy-policy');
  return reply.status === 200 ? String(reply.body.version) : undefined;
}

/** Signs the demo user in, registering (and proving the email of) the account first if it does not exist. */
async function ensureAccount(user: DemoUser): Promise<{ session: Session; created: boolean }> {
  const existing = await signIn(user);
  if (existing !== null) return { session: existing, created: false };
  const policy = await currentPolicyVersion();
  const started = await call('POST', '/api/accounts/registrations', {
    email: user.email,
    username: user.username,
    password: DEMO_PASSWORD,
    nickname: user.nickname,
    ...(policy === undefined ? {} : { acceptedPolicyVersion: policy }),
  });
  if (started.status === 409) {
    throw new SeedError(
      `${user.username} / ${user.email} exists but does not accept the demo password; ` +
        'set DEMO_PASSWORD to the one it was seeded with, or drop the local databases',
    );
  }
  if (started.status !== 202) {
    throw new SeedError(`registering ${user.username}: ${problemOf(started)}`);
  }
  const code = await latestMail(user.email, /(\d{6})/);
  await expectStatus(
    call('POST', `/api/accounts/registrations/${String(started.body.registrationId)}/verify`, { code }),
    [200],
    `verifying the email of ${user.username}`,
  );
  const session = await signIn(user);
  if (session === null) throw new SeedError(`${user.username} was registered but cannot sign in`);
  return { session, created: true };
}

/** The first platform admin comes from the bootstrap CLI, the same service code as the admin route. */
async function appointFirstAdmin(user: DemoUser): Promise<void> {
  const compiled = __filename.endsWith('.js');
  const cli = compiled
    ? [resolve(__dirname, '../apps/accounts/src/grant-role.js')]
    : ['-r', '@swc-node/register', resolve(__dirname, '../apps/accounts/src/grant-role.ts')];
  try {
    await run(
      process.execPath,
      [...cli, '--login', user.username, '--reason', 'Demo seed: first platform admin of the local demo'],
      { env: process.env, timeout: 120_000 },
    );
  } catch (error: unknown) {
    const failed = error as { stderr?: string; message: string };
    throw new SeedError(`grant-role CLI: ${(failed.stderr ?? failed.message).trim()}`);
  }
}

async function ensurePlatformRole(
  admin: Session,
  user: Session,
  role: string,
  reason: string,
): Promise<void> {
  const path = `/api/accounts/admin/users/${user.userId}/platform-roles`;
  const state = await expectStatus(call('GET', path, undefined, admin.accessToken), [200], 'reading roles');
  const roles = state.body.roles as string[];
  if (roles.includes(role)) return;
  await expectStatus(
    call('PUT', path, { roles: [...roles, role], reason }, admin.accessToken),
    [200],
    `granting ${role}`,
  );
}

async function ensurePolicy(admin: Session): Promise<string> {
  const current = await currentPolicyVersion();
  if (current !== undefined) return current;
  await expectStatus(
    call(
      'POST',
      '/api/accounts/privacy-policy/versions',
      {
        version: POLICY_VERSION,
        text:
          'DEMO PRIVACY POLICY — placeholder text seeded for local development, not a real policy.\n\n' +
          'This demo platform stores the personal data you enter (contact, real name, ID number, face data with ' +
          'your consent) only on this machine. Replace this version with the real policy before any real use.',
        effectiveAt: new Date(Date.now() - 60_000).toISOString(),
        materialChange: false,
      },
      admin.accessToken,
    ),
    [200, 201, 409],
    'publishing the demo privacy policy',
  );
  return POLICY_VERSION;
}

async function ensureInstitution(orgAdmin: Session): Promise<{ session: Session; institutionId: string }> {
  const existing = orgAdmin.institutionIds.at(0);
  if (existing !== undefined) return { session: orgAdmin, institutionId: existing };
  const created = await expectStatus(
    call(
      'POST',
      '/api/accounts/institutions',
      { name: INSTITUTION_NAME, contactEmail: 'demo.institution@example.com' },
      orgAdmin.accessToken,
    ),
    [200, 201],
    'registering the demo institution',
  );
  // The org_admin membership reaches the token at the next sign-in.
  const session = await signIn(DEMO_USERS.orgAdmin);
  if (session === null) throw new SeedError('the demo org admin cannot sign in again');
  return { session, institutionId: String(created.body.institutionId) };
}

async function ensureStaff(orgAdmin: Session, institutionId: string, staff: Session): Promise<void> {
  if (staff.institutionIds.includes(institutionId)) return;
  await expectStatus(
    call(
      'POST',
      `/api/accounts/institutions/${institutionId}/invitations`,
      { email: DEMO_USERS.orgStaff.email, role: 'org_staff' },
      orgAdmin.accessToken,
    ),
    [200, 201],
    'inviting the demo staff member',
  );
  const token = await latestMail(DEMO_USERS.orgStaff.email, /token: ([A-Za-z0-9_-]{43})/);
  await expectStatus(
    call('POST', '/api/accounts/invitations/accept', { token }, staff.accessToken),
    [200],
    'accepting the staff invitation',
  );
}

async function ensureRealName(user: DemoUser & { realName: string }, session: Session): Promise<void> {
  const verified = await call('GET', '/api/identity/real-name/me', undefined, session.accessToken);
  if (verified.status === 200) return;
  const person = SEEDED_PERSONS.find((p) => p.name === user.realName);
  if (person === undefined) throw new SeedError(`${user.realName} is not in the simulator's register`);
  const outcome = await expectStatus(
    call(
      'POST',
      '/api/identity/real-name/verifications',
      { name: person.name, idNumber: person.idNumber, validFrom: person.validFrom, validTo: person.validTo },
      session.accessToken,
    ),
    [200],
    `verifying the real name of ${user.username}`,
  );
  if (outcome.body.verified !== true) {
    throw new SeedError(
      `real-name verification of ${user.username}: ${outcome.body.message ?? 'not verified'}`,
    );
  }
}

// ---------------------------------------------------------------------------------------------------------
// The demo exam (apps/exam): a question bank, a fixed paper and a published, free exam of the institution,
// built by the org admin; candidate 1 (verified) is registered, candidate 3 (not verified) is not.

const BANK_NAME = '[DEMO] 信息安全基础';
const PAPER_TITLE = '[DEMO] 信息安全基础测验卷';
const EXAM_TITLE = '[DEMO] 信息安全基础测验';
const EXAM_CAPACITY = 50;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface Bank {
  readonly bankId: string;
  readonly name: string;
}

interface Category {
  readonly categoryId: string;
  readonly name: string;
  readonly children: Category[];
}

interface Question {
  readonly questionId: string;
  readonly type: string;
  readonly score: number;
  readonly content: { readonly stem?: string };
}

interface Paper {
  readonly paperId: string;
  readonly title: string;
  readonly totalScore: number;
}

interface Exam {
  readonly examId: string;
  readonly title: string;
  readonly status: string;
  readonly opensAt: string;
  readonly closesAt: string;
  readonly registrationOpensAt: string | null;
  readonly registrationClosesAt: string | null;
}

interface Registration {
  readonly registrationId: string;
  readonly examId: string;
  readonly registrationNumber: string;
  readonly ticketNumber: string | null;
  readonly status: string;
}

interface DemoExam {
  readonly bank: Bank;
  readonly paper: Paper;
  readonly questionCount: number;
  readonly exam: Exam;
  readonly registration: Registration;
}

/** The category tree of the demo bank: root → children. */
const DEMO_CATEGORIES: Record<string, readonly string[]> = {
  密码学: ['对称与非对称加密'],
  网络安全: ['身份认证与访问控制'],
};

/** The demo questions, one of each type; `category` names a leaf of DEMO_CATEGORIES. */
const DEMO_QUESTIONS: readonly { readonly category: string; readonly body: Record<string, unknown> }[] = [
  {
    category: '对称与非对称加密',
    body: {
      type: 'single',
      stem: '下列算法中，属于非对称加密算法的是？',
      score: 2,
      difficulty: 1,
      tags: ['密码算法'],
      explanation:
        'RSA 基于大整数分解难题，是典型的非对称（公钥）加密算法；AES、DES、3DES 都是对称加密算法。',
      options: [
        { text: 'AES', correct: false },
        { text: 'RSA', correct: true },
        { text: 'DES', correct: false },
        { text: '3DES', correct: false },
      ],
    },
  },
  {
    category: '身份认证与访问控制',
    body: {
      type: 'multiple',
      stem: '以下哪些措施可以有效降低账号口令被盗用的风险？（多选，少选按比例得分）',
      score: 4,
      difficulty: 2,
      partialCredit: 'proportional',
      tags: ['口令安全'],
      options: [
        { text: '启用多因素认证', correct: true },
        { text: '不同网站使用不同的口令', correct: true },
        { text: '把口令写在显示器旁的便签上', correct: false },
        { text: '使用足够长且随机的口令', correct: true },
      ],
    },
  },
  {
    category: '身份认证与访问控制',
    body: {
      type: 'true_false',
      stem: 'HTTPS 可以保证所访问的网站本身是安全可信、不含恶意内容的。',
      score: 2,
      difficulty: 1,
      answer: false,
      explanation:
        'HTTPS 保护的是传输过程的机密性与完整性，并证明服务器拥有该域名的证书，不能保证网站内容可信。',
    },
  },
  {
    category: '对称与非对称加密',
    body: {
      type: 'fill_blank',
      stem: 'SHA-256 算法输出的摘要长度为 ___ 位（bit）。',
      score: 4,
      difficulty: 2,
      blanks: [{ accepted: ['256', '二百五十六'] }],
      normalisation: { ignoreSpaces: true, fullWidthToHalfWidth: true },
    },
  },
  {
    category: '网络安全',
    body: {
      type: 'essay',
      stem: '请简述什么是“最小权限原则”，并结合你所在单位的实际举例说明如何落实。',
      score: 10,
      difficulty: 3,
      rubric:
        '1. 准确说明最小权限原则：只授予完成工作所必需的最少权限（4 分）；' +
        '2. 举出贴合实际的例子，如按岗位分配权限、定期复核与回收权限（4 分）；' +
        '3. 表述清楚、条理分明（2 分）。',
    },
  },
  {
    category: '网络安全',
    body: {
      type: 'composite',
      stem:
        '阅读材料：某公司员工小王收到一封自称来自“IT 部门”的邮件，称其邮箱即将停用，' +
        '要求点击邮件中的链接并输入工号和口令进行“验证”。链接指向的域名与公司官方域名仅相差一个字母。',
      score: 8,
      difficulty: 3,
      subQuestions: [
        { type: 'true_false', stem: '这封邮件很可能是钓鱼邮件。', score: 2, answer: true },
        {
          type: 'essay',
          stem: '小王应当如何处理这封邮件？请列出至少三条做法。',
          score: 6,
          rubric: '每条合理做法 2 分，如：不点击链接、通过官方渠道向 IT 部门核实、上报安全团队、删除邮件等。',
        },
      ],
    },
  },
];

const examPath = (institutionId: string, path: string): string =>
  `/api/exam/institutions/${institutionId}${path}`;

async function ensureBank(orgAdmin: Session, institutionId: string): Promise<Bank> {
  const listed = await expectStatus(
    call('GET', examPath(institutionId, '/banks'), undefined, orgAdmin.accessToken),
    [200],
    'listing the question banks of the demo institution',
  );
  const existing = (listed.body.items as Bank[]).find((b) => b.name === BANK_NAME);
  if (existing !== undefined) return existing;
  const created = await expectStatus(
    call(
      'POST',
      examPath(institutionId, '/banks'),
      { name: BANK_NAME, description: '演示题库：信息安全基础知识，由演示数据脚本创建。' },
      orgAdmin.accessToken,
    ),
    [201],
    'creating the demo question bank',
  );
  return created.body as unknown as Bank;
}

/** The demo category tree, created where missing; answers the id of every category by name. */
async function ensureCategories(
  orgAdmin: Session,
  institutionId: string,
  bankId: string,
): Promise<Map<string, string>> {
  const path = examPath(institutionId, `/banks/${bankId}/categories`);
  const read = await expectStatus(
    call('GET', path, undefined, orgAdmin.accessToken),
    [200],
    'reading the category tree of the demo bank',
  );
  const tree = read.body.tree as Category[];
  const ids = new Map<string, string>();
  const create = async (name: string, parentId?: string): Promise<string> => {
    const created = await expectStatus(
      call('POST', path, { name, ...(parentId === undefined ? {} : { parentId }) }, orgAdmin.accessToken),
      [201],
      `creating the demo category ${name}`,
    );
    return String(created.body.categoryId);
  };
  for (const [rootName, childNames] of Object.entries(DEMO_CATEGORIES)) {
    const root = tree.find((c) => c.name === rootName);
    const rootId = root?.categoryId ?? (await create(rootName));
    ids.set(rootName, rootId);
    for (const childName of childNames) {
      const child = root?.children.find((c) => c.name === childName);
      ids.set(childName, child?.categoryId ?? (await create(childName, rootId)));
    }
  }
  return ids;
}

/** The demo questions, created where no question of the bank has the same stem; in DEMO_QUESTIONS order. */
async function ensureQuestions(
  orgAdmin: Session,
  institutionId: string,
  bankId: string,
  categories: Map<string, string>,
): Promise<Question[]> {
  const path = examPath(institutionId, `/banks/${bankId}/questions`);
  const listed = await expectStatus(
    call('GET', `${path}?limit=200`, undefined, orgAdmin.accessToken),
    [200],
    'listing the questions of the demo bank',
  );
  const existing = listed.body.items as Question[];
  const questions: Question[] = [];
  for (const { category, body } of DEMO_QUESTIONS) {
    const found = existing.find((q) => q.content.stem === body.stem);
    if (found !== undefined) {
      questions.push(found);
      continue;
    }
    const created = await expectStatus(
      call('POST', path, { ...body, categoryId: categories.get(category) }, orgAdmin.accessToken),
      [201],
      `creating the demo ${String(body.type)} question`,
    );
    questions.push(created.body as unknown as Question);
  }
  return questions;
}

async function ensurePaper(
  orgAdmin: Session,
  institutionId: string,
  bankId: string,
  questions: Question[],
): Promise<Paper> {
  const listed = await expectStatus(
    call('GET', examPath(institutionId, '/papers'), undefined, orgAdmin.accessToken),
    [200],
    'listing the papers of the demo institution',
  );
  const existing = (listed.body.items as Paper[]).find((p) => p.title === PAPER_TITLE);
  if (existing !== undefined) return existing;
  const objective = questions.filter((q) =>
    ['single', 'multiple', 'true_false', 'fill_blank'].includes(q.type),
  );
  const subjective = questions.filter((q) => !objective.includes(q));
  const section = (title: string, instructions: string, items: Question[]) => ({
    title,
    instructions,
    items: items.map((q) => ({ questionId: q.questionId })),
    draws: [],
    shuffleQuestions: false,
    shuffleOptions: true,
  });
  const created = await expectStatus(
    call(
      'POST',
      examPath(institutionId, '/papers'),
      {
        title: PAPER_TITLE,
        bankId,
        kind: 'fixed',
        sections: [
          section('一、客观题', '单选、多选、判断与填空题，由系统自动评分。', objective),
          section('二、主观题', '简答与材料分析题，由阅卷老师按评分标准评分。', subjective),
        ],
      },
      orgAdmin.accessToken,
    ),
    [201],
    'creating the demo paper',
  );
  return created.body as unknown as Paper;
}

/** The exam's request body; the windows are computed now: registration open, the exam from tomorrow. */
function demoExamBody(paper: Paper): Record<string, unknown> {
  const now = Date.now();
  const opensAt = Math.ceil((now + DAY) / HOUR) * HOUR;
  return {
    title: EXAM_TITLE,
    notice:
      '<p>本考试为<strong>演示数据</strong>，仅用于本地开发与体验，不是真实考试。</p>' +
      '<p>报名前须完成实名认证；考试时长 60 分钟，开考 15 分钟后不得进入。</p>',
    paperId: paper.paperId,
    visibility: 'public',
    practice: false,
    opensAt: new Date(opensAt).toISOString(),
    closesAt: new Date(opensAt + 3 * DAY).toISOString(),
    registrationOpensAt: new Date(now - HOUR).toISOString(),
    registrationClosesAt: new Date(opensAt).toISOString(),
    capacity: EXAM_CAPACITY,
    feeFen: 0,
    requiresRealName: true,
    requiresApproval: false,
    settings: {
      durationMinutes: 60,
      lateEntryMinutes: 15,
      minMinutesBeforeSubmit: 10,
      attemptsAllowed: 1,
      countedAttempt: 'best',
      onExpiry: 'auto_submit',
      graceMinutes: 0,
      passScore: Math.ceil(paper.totalScore * 0.6),
      resultsRelease: 'after_marking',
      allowedIpRanges: [],
      faceCheckAtEntry: false,
      antiCheat: {
        tabSwitchLimit: 3,
        tabSwitchMinAwaySeconds: 5,
        fullScreenRequired: false,
        blockCopyPaste: true,
        periodicFaceCheckMinutes: 0,
        faceCheckFailureLimit: 0,
        consequence: 'warn',
      },
      venue: { kind: 'onsite', address: '[DEMO] 河畔考试中心 1 号楼 101 室（演示地址）' },
      registrationForm: [
        { key: 'employer', label: '工作单位', kind: 'text', required: false, maxLength: 100 },
      ],
    },
  };
}

/** The demo exam, created and published unless a live exam of that title exists (a draft one is published). */
async function ensureExam(orgAdmin: Session, institutionId: string, paper: Paper): Promise<Exam> {
  const listed = await expectStatus(
    call('GET', examPath(institutionId, '/exams'), undefined, orgAdmin.accessToken),
    [200],
    'listing the exams of the demo institution',
  );
  // A closed or archived demo exam is history: the next seed creates a new one (with fresh windows).
  const existing = (listed.body.items as Exam[]).find(
    (e) => e.title === EXAM_TITLE && (e.status === 'draft' || e.status === 'published'),
  );
  const exam =
    existing ??
    ((
      await expectStatus(
        call('POST', examPath(institutionId, '/exams'), demoExamBody(paper), orgAdmin.accessToken),
        [201],
        'creating the demo exam',
      )
    ).body as unknown as Exam);
  if (exam.status !== 'draft') return exam;
  const published = await expectStatus(
    call('POST', examPath(institutionId, `/exams/${exam.examId}/publish`), undefined, orgAdmin.accessToken),
    [200],
    'publishing the demo exam',
  );
  return published.body as unknown as Exam;
}

/**
 * Waits until the exam service has learnt of the candidate's real-name verification (it follows the identity
 * service's events), so that registering is not refused as unverified.
 */
async function awaitVerifiedInExam(user: DemoUser, session: Session, examId: string): Promise<void> {
  for (let attempt = 0; attempt < 60; attempt++) {
    const form = await expectStatus(
      call('GET', `/api/exam/exams/${examId}/registration-form`, undefined, session.accessToken),
      [200],
      `reading the demo exam's registration form as ${user.username}`,
    );
    if (form.body.verified === true) return;
    await new Promise((done) => setTimeout(done, 1000));
  }
  throw new SeedError(
    `the exam service does not know ${user.username} as verified after a minute ` +
      '(is it consuming the identity events? see .local/logs/exam.log)',
  );
}

/** Registers the candidate for the exam unless a live registration exists, and checks the ticket downloads. */
async function ensureRegistration(user: DemoUser, session: Session, examId: string): Promise<Registration> {
  const listed = await expectStatus(
    call('GET', '/api/exam/me/registrations', undefined, session.accessToken),
    [200],
    `listing the registrations of ${user.username}`,
  );
  let registration = (listed.body.items as Registration[]).find(
    (r) => r.examId === examId && !['cancelled', 'rejected'].includes(r.status),
  );
  if (registration === undefined) {
    await awaitVerifiedInExam(user, session, examId);
    const created = await expectStatus(
      call(
        'POST',
        `/api/exam/exams/${examId}/registrations`,
        { answers: [{ key: 'employer', value: '[DEMO] 河畔科技有限公司' }] },
        session.accessToken,
      ),
      [201],
      `registering ${user.username} for the demo exam`,
    );
    registration = created.body as unknown as Registration;
  }
  if (registration.status !== 'confirmed') {
    throw new SeedError(
      `the demo registration of ${user.username} is ${registration.status}, expected confirmed`,
    );
  }
  const ticket = await fetch(
    `${BASE_URL}/api/exam/me/registrations/${registration.registrationId}/admission-ticket.pdf`,
    { headers: { authorization: `Bearer ${session.accessToken}`, 'user-agent': 'exam-platform-demo-seed' } },
  );
  const bytes = Buffer.from(await ticket.arrayBuffer());
  if (ticket.status !== 200 || bytes.subarray(0, 5).toString() !== '%PDF-') {
    throw new SeedError(
      `downloading the admission ticket of ${user.username}: HTTP ${ticket.status} ${bytes.subarray(0, 200).toString()}`,
    );
  }
  return registration;
}

async function ensureDemoExam(
  orgAdmin: Session,
  institutionId: string,
  candidate: { user: DemoUser; session: Session },
): Promise<DemoExam> {
  const bank = await ensureBank(orgAdmin, institutionId);
  const categories = await ensureCategories(orgAdmin, institutionId, bank.bankId);
  const questions = await ensureQuestions(orgAdmin, institutionId, bank.bankId, categories);
  const paper = await ensurePaper(orgAdmin, institutionId, bank.bankId, questions);
  const exam = await ensureExam(orgAdmin, institutionId, paper);
  const registration = await ensureRegistration(candidate.user, candidate.session, exam.examId);
  return { bank, paper, questionCount: questions.length, exam, registration };
}

/** The demo exam's lines of the printout: what it is and what a person can try with it. */
function examSummary(institutionId: string, demo: DemoExam): string[] {
  const { exam, registration } = demo;
  const minute = (iso: string | null): string => (iso ?? '-').replace(/:\d\d\.\d{3}Z$/, 'Z');
  const exams = '/api/exam/exams';
  return [
    `  Exam "${exam.title}" (${exam.examId}), ${exam.status}:`,
    `    free, real-name verification required, ${EXAM_CAPACITY} seats, form field 工作单位 (optional)`,
    `    registration open  ${minute(exam.registrationOpensAt)} – ${minute(exam.registrationClosesAt)}`,
    `    exam window        ${minute(exam.opensAt)} – ${minute(exam.closesAt)}`,
    `    paper "${demo.paper.title}" (fixed, ${demo.paper.totalScore} points), bank "${demo.bank.name}"`,
    `    (${demo.questionCount} questions: single, multiple, true/false, fill-in, essay, 材料题)`,
    '  What to try (sign in as each user):',
    `    demo_candidate1  registered, ${registration.status}, number ${registration.registrationNumber}:`,
    '                     GET /api/exam/me/registrations, and the admission ticket',
    `                     GET /api/exam/me/registrations/${registration.registrationId}/admission-ticket.pdf`,
    `    demo_candidate3  not verified: POST ${exams}/${exam.examId}/registrations`,
    '                     answers 403 REGISTRATION.REAL_NAME_REQUIRED until the real name is verified',
    '                     (POST /api/identity/real-name/verifications), then it can register',
    `    demo_candidate2  verified, can register: GET ${exams}/open, …/notice, …/registration-form,`,
    '                     then POST …/registrations {"answers": [{"key": "employer", "value": "…"}]}',
    '    demo_org_admin   the bank, paper, exam and its registrations under',
    `                     /api/exam/institutions/${institutionId}/ (banks, papers, exams)`,
  ];
}

function summary(institutionId: string, policy: string, demoExam: DemoExam): string {
  const rows = Object.values(DEMO_USERS).map(
    (u) => `    ${u.role.padEnd(31)} ${u.username.padEnd(17)} ${u.email}`,
  );
  return [
    '',
    '  DEMO DATA — seeded for local development only; these are demo accounts, not real people.',
    `  Sign in at ${BASE_URL}/ (or POST /api/accounts/auth/login {"login", "password"}) with the`,
    `  user name or the email below; every demo account has the password: ${DEMO_PASSWORD}`,
    '',
    `    ${'role'.padEnd(31)} ${'user name'.padEnd(17)} email`,
    ...rows,
    '',
    `  Institution "${INSTITUTION_NAME}" (${institutionId}); privacy policy version ${policy}.`,
    "  Real names come from the authority simulator's test register (apps/authority-sim/CONTRACT.md).",
    '',
    ...examSummary(institutionId, demoExam),
    '',
    '  One-time codes: GET /api/accounts/dev/mailbox?to=<email>. Re-running the seed changes nothing.',
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  if (process.env.NODE_ENV === 'production') {
    throw new SeedError('refusing to seed demo accounts with NODE_ENV=production');
  }
  const say = (line: string): void => {
    process.stdout.write(`[seed] ${line}\n`);
  };
  say(`seeding the demo through ${BASE_URL}`);

  const adminAccount = await ensureAccount(DEMO_USERS.admin);
  let admin = adminAccount.session;
  if (!admin.roles.includes('platform_admin')) {
    await appointFirstAdmin(DEMO_USERS.admin);
    const again = await signIn(DEMO_USERS.admin);
    if (again === null || !again.roles.includes('platform_admin'))
      throw new SeedError('the demo admin did not get platform_admin');
    admin = again;
    say('demo_admin appointed platform_admin with the grant-role CLI');
  }
  const policy = await ensurePolicy(admin);
  await expectStatus(
    call('POST', '/api/accounts/me/policy-acceptances', { version: policy }, admin.accessToken),
    [204],
    'accepting the policy as the demo admin',
  );

  const analyst = (await ensureAccount(DEMO_USERS.analyst)).session;
  await ensurePlatformRole(
    admin,
    analyst,
    'security_analyst',
    'Demo seed: security analyst of the local demo',
  );

  const orgAdmin = await ensureInstitution((await ensureAccount(DEMO_USERS.orgAdmin)).session);
  const staff = (await ensureAccount(DEMO_USERS.orgStaff)).session;
  await ensureStaff(orgAdmin.session, orgAdmin.institutionId, staff);

  const candidates = new Map<DemoUser, Session>();
  for (const candidate of [DEMO_USERS.candidate1, DEMO_USERS.candidate2, DEMO_USERS.candidate3]) {
    const { session } = await ensureAccount(candidate);
    if ('realName' in candidate) await ensureRealName(candidate, session);
    candidates.set(candidate, session);
  }
  const candidate1 = candidates.get(DEMO_USERS.candidate1);
  if (candidate1 === undefined) throw new SeedError('demo_candidate1 has no session');
  const demoExam = await ensureDemoExam(orgAdmin.session, orgAdmin.institutionId, {
    user: DEMO_USERS.candidate1,
    session: candidate1,
  });
  say(`demo exam "${demoExam.exam.title}" ready (${demoExam.exam.examId})`);
  say('demo ready');
  process.stdout.write(`${summary(orgAdmin.institutionId, policy, demoExam)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `[seed] demo seed failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 1;
});
