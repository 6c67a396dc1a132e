import { createHash, randomUUID } from 'node:crypto';

import { type OrgRole, type PayloadOf, type TopicName, Topics } from '@exam/contracts';
import { issueTestToken, type ProbedMessage, ServiceTestBed } from '@exam/testing';
import request from 'supertest';

import { PaymentsEnv } from '../../src/config/payments.env';
import { PaymentsModule } from '../../src/payments.module';
import {
  paymentsProviderEnv,
  type ProviderTestKeys,
  providerTestKeys,
  type RunningPaySim,
  startPaySim,
} from './pay-sim-harness';

export const PAYMENTS_TOPICS: readonly TopicName[] = [
  Topics.RegistrationCreated,
  Topics.RefundRequested,
  Topics.OrderPaid,
  Topics.OrderRefunded,
  Topics.OrderExpired,
  Topics.RegistrationCancelled,
  Topics.ErasureRequested,
  Topics.PaymentStaffActionTaken,
];

export interface PaymentsHarness {
  readonly bed: ServiceTestBed<PaymentsEnv>;
  readonly sim: RunningPaySim;
  readonly keys: ProviderTestKeys;
  close(): Promise<void>;
}

/** Payments on its own database and topics, talking to the provider simulator, which calls it back. */
export async function startPaymentsWithSim(overrides: Record<string, string> = {}): Promise<PaymentsHarness> {
  const keys = providerTestKeys();
  const sim = await startPaySim(keys);
  const bed = await ServiceTestBed.start({
    service: 'payments',
    envClass: PaymentsEnv,
    module: (env) => PaymentsModule.register(env),
    topics: PAYMENTS_TOPICS,
    overrides: { ...paymentsProviderEnv(keys, sim.url), ...overrides },
  });
  // The port is known only once it listens: the providers' notify_url follows it.
  bed.env.PAYMENTS_NOTIFY_BASE_URL = bed.url;
  return {
    bed,
    sim,
    keys,
    close: async () => {
      await bed.close();
      await sim.close();
    },
  };
}

export interface Caller {
  readonly userId: string;
  readonly token: string;
}

export function staff(institutionId: string, role: OrgRole = 'org_staff'): Caller {
  const userId = randomUUID();
  return {
    userId,
    token: issueTestToken({ userId, roles: [], memberships: [{ institutionId, roles: [role] }] }),
  };
}

export function candidate(userId: string = randomUUID()): Caller {
  return { userId, token: issueTestToken({ userId, roles: ['candidate'] }) };
}

export type StaffActionEvent = PayloadOf<'payments.staff.action_taken'>;

export type StaffDecision = Omit<StaffActionEvent, 'actionId' | 'takenAt'>;

const STAFF_ACTION_FIELDS = [
  'action',
  'actionId',
  'amountFen',
  'institutionId',
  'reasonSha256',
  'staffUserId',
  'subjectId',
  'takenAt',
];

/**
 * The staff actions about one order, refund, invoice, mismatch, product or run (their Kafka key), in order,
 * without their generated id and time, once each is checked to carry exactly the contract's fields.
 */
export function decisionsAbout(messages: readonly ProbedMessage[], subjectId: string): StaffDecision[] {
  return messages
    .filter((m) => m.key === subjectId)
    .map((m) => (JSON.parse(m.value ?? '{}') as { payload: StaffActionEvent }).payload)
    .map((e) => {
      expect(Object.keys(e).sort()).toEqual(STAFF_ACTION_FIELDS);
      expect(e.actionId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(new Date(e.takenAt).toISOString()).toBe(e.takenAt);
      return {
        institutionId: e.institutionId,
        staffUserId: e.staffUserId,
        action: e.action,
        subjectId: e.subjectId,
        amountFen: e.amountFen,
        reasonSha256: e.reasonSha256,
      };
    });
}

/**
 * How many staff actions about a subject payments staged in its outbox. The row commits with the decision, so
 * right after a refused request this is final, where the topic could still be catching up.
 */
export async function stagedStaffActionCount(
  bed: ServiceTestBed<PaymentsEnv>,
  subjectId: string,
): Promise<number> {
  const rows: { n: number | string }[] = await bed.dataSource.query(
    'SELECT COUNT(*) AS n FROM outbox_events WHERE topic = ? AND partition_key = ?',
    [Topics.PaymentStaffActionTaken, subjectId],
  );
  return Number(rows[0]?.n ?? 0);
}

export function sha256Of(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export interface Reply {
  readonly status: number;
  readonly body: Record<string, unknown>;
  readonly text: string;
}

export class PaymentsClient {
  constructor(private readonly url: string) {}

  async call(
    method: 'get' | 'post' | 'patch' | 'delete',
    path: string,
    caller: Caller | null,
    body?: object,
  ): Promise<Reply> {
    let req = request(this.url)[method](`/api/payments${path}`);
    if (caller) req = req.set('authorization', `Bearer ${caller.token}`);
    const response = body === undefined ? await req : await req.send(body);
    return { status: response.status, body: response.body as Record<string, unknown>, text: response.text };
  }
}

/** The simulator's side: the pay page and its button, and the control API. */
export class SimClient {
  constructor(private readonly url: string) {}

  async page(link: string): Promise<{ status: number; html: string }> {
    const response = await fetch(link);
    return { status: response.status, html: await response.text() };
  }

  /** Presses the page's pay button (the form's action). */
  async pay(link: string): Promise<{ status: number; body: PayResult }> {
    const { html } = await this.page(link);
    const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
    if (action === undefined) throw new Error(`no pay button on ${link}`);
    const response = await fetch(`${this.url}${action}`, { method: 'POST' });
    return { status: response.status, body: (await response.json()) as PayResult };
  }

  async control(settings: Record<string, number | boolean>): Promise<void> {
    const response = await this.post('/sim/control', settings);
    if (response.status !== 200) throw new Error(`control refused: ${response.status}`);
  }

  async reset(): Promise<void> {
    await this.post('/sim/reset', {});
  }

  async release(reverse = false): Promise<DeliveryView[]> {
    return ((await (await this.post('/sim/release', { reverse })).json()) as { released: DeliveryView[] })
      .released;
  }

  async replay(deliveryId: number): Promise<DeliveryView> {
    return (await (await this.post(`/sim/deliveries/${deliveryId}/replay`, {})).json()) as DeliveryView;
  }

  async deliveries(): Promise<DeliveryView[]> {
    return ((await (await fetch(`${this.url}/sim/deliveries`)).json()) as { items: DeliveryView[] }).items;
  }

  private post(path: string, body: object): Promise<Response> {
    return fetch(`${this.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  }
}

export interface DeliveryView {
  readonly id: number;
  readonly provider: string;
  readonly kind: string;
  readonly outTradeNo: string;
  readonly status: number | null;
  readonly response: string | null;
}

export interface PayResult {
  readonly status: string;
  readonly transactionId: string;
  readonly deliveries: DeliveryView[];
}
