import { randomUUID } from 'node:crypto';

import type { TopicName } from '@exam/contracts';
import type { EventPublisher } from '@exam/platform';
import { TestClock } from '@exam/testing';
import type { EntityManager } from 'typeorm';

import type { VerifiedCandidateEntity } from '../candidate/verified-candidate.entity';
import type { VerifiedCandidateService } from '../candidate/verified-candidate.service';
import type { ExamEntity } from '../exam/exam.entity';
import type { ExamRepository } from '../exam/exam.repository';
import type { RegistrationEntity } from './registration.entity';
import type { RegistrationRepository } from './registration.repository';
import { RegistrationsService } from './registrations.service';

const TX = {} as EntityManager;

function examFactory(over: Partial<ExamEntity> = {}): ExamEntity {
  return {
    id: randomUUID(),
    institutionId: randomUUID(),
    code: 'ABCDEFGH',
    status: 'published',
    practice: false,
    registrationOpensAt: new Date('2027-01-01T00:00:00Z'),
    registrationClosesAt: new Date('2027-01-09T00:00:00Z'),
    capacity: 2,
    seatsTaken: 0,
    registrationSeq: 0,
    feeFen: 5000,
    requiresRealName: false,
    requiresApproval: false,
    settings: { registrationForm: [{ key: 'employer', label: '单位', kind: 'text', required: true }] },
    ...over,
  } as ExamEntity;
}

class FakeExams {
  constructor(readonly exam: ExamEntity) {}
  findById(): Promise<ExamEntity> {
    return Promise.resolve(this.exam);
  }
  takeSeat(): Promise<number | null> {
    const e = this.exam;
    if (e.capacity !== null && e.seatsTaken >= e.capacity) return Promise.resolve(null);
    e.seatsTaken += 1;
    e.registrationSeq += 1;
    return Promise.resolve(e.registrationSeq);
  }
  releaseSeat(): Promise<void> {
    this.exam.seatsTaken -= 1;
    return Promise.resolve();
  }
}

class FakeRegistrations {
  readonly rows = new Map<string, RegistrationEntity>();
  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return work(TX);
  }
  insert(_tx: EntityManager, r: RegistrationEntity): Promise<void> {
    if ([...this.rows.values()].some((o) => o.examId === r.examId && o.userId === r.userId && o.active === 1))
      return Promise.reject(Object.assign(new Error('dup'), { code: 'ER_DUP_ENTRY' }));
    this.rows.set(r.id, r);
    return Promise.resolve();
  }
  save(_tx: EntityManager, r: RegistrationEntity): Promise<void> {
    this.rows.set(r.id, r);
    return Promise.resolve();
  }
  findOfUser(userId: string, id: string): Promise<RegistrationEntity | null> {
    const r = this.rows.get(id);
    return Promise.resolve(r?.userId === userId ? r : null);
  }
  lockOfUser(_tx: EntityManager, userId: string, id: string): Promise<RegistrationEntity | null> {
    return this.findOfUser(userId, id);
  }
  lockById(_tx: EntityManager, id: string): Promise<RegistrationEntity | null> {
    return Promise.resolve(this.rows.get(id) ?? null);
  }
}

function setup(over: Partial<ExamEntity> = {}, verified: VerifiedCandidateEntity | null = null) {
  const exams = new FakeExams(examFactory(over));
  const registrations = new FakeRegistrations();
  const staged: { topic: TopicName; payload: Record<string, unknown> }[] = [];
  const events = {
    stage: (_tx: EntityManager, topic: TopicName, e: { payload: Record<string, unknown> }) => {
      staged.push({ topic, payload: e.payload });
      return Promise.resolve();
    },
  } as unknown as EventPublisher;
  const candidates = { find: () => Promise.resolve(verified) } as unknown as VerifiedCandidateService;
  const clock = new TestClock('2027-01-05T00:00:00Z');
  const sut = new RegistrationsService(
    registrations as unknown as RegistrationRepository,
    exams as unknown as ExamRepository,
    candidates,
    events,
    clock,
  );
  return { sut, exams, registrations, staged, clock };
}

const answers = [{ key: 'employer', value: '某单位' }];

describe(RegistrationsService.name, () => {
  it('should register a paid exam as pending payment with a platform number and stage the fee', async () => {
    const { sut, staged } = setup();
    const r = await sut.register(randomUUID(), randomUUID(), answers);
    expect(r).toMatchObject({
      status: 'pending_payment',
      registrationNumber: 'ABCDEFGH000001',
      ticketNumber: null,
    });
    expect(staged.map((e) => e.topic)).toEqual(['exam.registration.created']);
    expect(staged[0]?.payload).toMatchObject({ feeRequired: true, feeFen: 5000 });
  });

  it('should refuse a full exam, a second registration, an unverified candidate and a closed window', async () => {
    const { sut } = setup({ capacity: 1 });
    const userId = randomUUID();
    await sut.register(userId, 'e', answers);
    await expect(sut.register(randomUUID(), 'e', answers)).rejects.toMatchObject({
      code: 'REGISTRATION.FULL',
    });
    const again = setup();
    await again.sut.register(userId, 'e', answers);
    await expect(again.sut.register(userId, 'e', answers)).rejects.toMatchObject({
      code: 'REGISTRATION.ALREADY_REGISTERED',
    });
    await expect(setup({ requiresRealName: true }).sut.register(userId, 'e', answers)).rejects.toMatchObject({
      code: 'REGISTRATION.REAL_NAME_REQUIRED',
    });
    const late = setup();
    late.clock.set(new Date('2027-01-09T00:00:00Z'));
    await expect(late.sut.register(userId, 'e', answers)).rejects.toMatchObject({
      code: 'REGISTRATION.WINDOW_CLOSED',
    });
  });

  it('should refuse an exam with a face check at entry to a candidate whose real name is not face-verified', async () => {
    const settings = {
      faceCheckAtEntry: true,
      registrationForm: [{ key: 'employer', label: '单位', kind: 'text', required: true }],
    } as unknown as ExamEntity['settings'];
    const verified = (faceVerified: boolean) =>
      ({
        userId: randomUUID(),
        verificationId: randomUUID(),
        maskedName: '李*',
        maskedIdNumber: '1101**********1234',
        minor: false,
        faceVerified,
        verifiedAt: new Date('2027-01-01T00:00:00Z'),
      }) as VerifiedCandidateEntity;

    const unverified = setup({ settings });
    const nameOnly = setup({ settings }, verified(false));
    const withFace = setup({ settings }, verified(true));

    await expect(unverified.sut.register(randomUUID(), 'e', answers)).rejects.toMatchObject({
      code: 'REGISTRATION.FACE_VERIFIED_REAL_NAME_REQUIRED',
    });
    await expect(nameOnly.sut.register(randomUUID(), 'e', answers)).rejects.toMatchObject({
      code: 'REGISTRATION.FACE_VERIFIED_REAL_NAME_REQUIRED',
    });
    expect(nameOnly.exams.exam.seatsTaken).toBe(0);
    await expect(withFace.sut.register(randomUUID(), 'e', answers)).resolves.toMatchObject({
      status: 'pending_payment',
    });
  });

  it('should confirm on payment once, lock the data, and refund when cancelled', async () => {
    const { sut, staged, exams } = setup();
    const userId = randomUUID();
    const r = await sut.register(userId, 'e', answers);
    const order = { orderId: randomUUID(), userId, registrationId: r.id, amountFen: 5000 };
    await sut.paid(TX, order);
    await sut.paid(TX, order);
    expect(r).toMatchObject({ status: 'confirmed', ticketNumber: 'ZABCDEFGH000001', orderId: order.orderId });
    expect(staged.filter((s) => s.topic === 'exam.registration.confirmed')).toHaveLength(1);
    await expect(sut.update(userId, r.id, answers)).rejects.toMatchObject({
      code: 'REGISTRATION.LOCKED_AFTER_ORDER',
    });
    await sut.cancel(userId, r.id);
    expect(exams.exam.seatsTaken).toBe(0);
    expect(staged.map((s) => s.topic)).toEqual(
      expect.arrayContaining(['exam.registration.cancelled', 'exam.refund.requested']),
    );
  });

  it('should refund a payment that arrives after a cancellation and ignore orders for someone else', async () => {
    const { sut, staged } = setup();
    const userId = randomUUID();
    const r = await sut.register(userId, 'e', answers);
    await sut.cancel(userId, r.id);
    await sut.paid(TX, {
      orderId: randomUUID(),
      userId: randomUUID(),
      registrationId: r.id,
      amountFen: 5000,
    });
    expect(staged.some((s) => s.topic === 'exam.refund.requested')).toBe(false);
    await sut.paid(TX, { orderId: randomUUID(), userId, registrationId: r.id, amountFen: 5000 });
    expect(r.status).toBe('cancelled');
    expect(staged.some((s) => s.topic === 'exam.refund.requested')).toBe(true);
  });
});
