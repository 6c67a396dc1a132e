import { api } from '../../api/http';
import type { PendingSave } from './model/queue-store';
import type { ServerClock } from './model/server-clock';
import type {
  Attempt,
  ExamNotice,
  ExamResults,
  Paper,
  ProctoringEvent,
  ProctoringReport,
  SaveAnswerResponse,
} from './model/types';

/**
 * The exam service as the room uses it: every call names this device (X-Device-Id), and every answer carrying
 * the server's time re-synchronises the room's clock.
 */
export class RoomApi {
  constructor(
    private readonly device: string,
    private readonly clock: ServerClock,
  ) {}

  notice(examId: string): Promise<ExamNotice> {
    return api<ExamNotice>(`/exam/exams/${examId}/notice`);
  }

  start(examId: string, body: { accessPassword?: string; faceCheckToken?: string }): Promise<Attempt> {
    return this.timed(
      () => this.call<Attempt>('/exam/attempts', { method: 'POST', body: { ...body, examId } }),
      (a) => a.clock.serverTime,
    );
  }

  attempt(attemptId: string): Promise<Attempt> {
    return this.timed(
      () => this.call<Attempt>(`/exam/attempts/${attemptId}`),
      (a) => a.clock.serverTime,
    );
  }

  /** Immutable once the attempt started: the browser keeps it and revalidates it by its ETag. */
  paper(attemptId: string): Promise<Paper> {
    return api<Paper>(`/exam/attempts/${attemptId}/paper`);
  }

  save(attemptId: string, save: PendingSave): Promise<SaveAnswerResponse> {
    return this.timed(
      () =>
        this.call<SaveAnswerResponse>(`/exam/attempts/${attemptId}/answers/${save.questionId}`, {
          method: 'PUT',
          body: { seq: save.seq, idempotencyKey: save.idempotencyKey, answer: save.answer },
        }),
      (r) => r.clock.serverTime,
    );
  }

  takeOver(attemptId: string): Promise<Attempt> {
    return this.timed(
      () => this.call<Attempt>(`/exam/attempts/${attemptId}/takeover`, { method: 'POST' }),
      (a) => a.clock.serverTime,
    );
  }

  submit(attemptId: string): Promise<Attempt> {
    return this.timed(
      () => this.call<Attempt>(`/exam/attempts/${attemptId}/submit`, { method: 'POST' }),
      (a) => a.clock.serverTime,
    );
  }

  report(attemptId: string, events: readonly ProctoringEvent[]): Promise<ProctoringReport> {
    return this.timed(
      () =>
        this.call<ProctoringReport>(`/exam/attempts/${attemptId}/proctoring-events`, {
          method: 'POST',
          body: { events },
        }),
      (r) => r.serverTime,
    );
  }

  results(examId: string): Promise<ExamResults> {
    return api<ExamResults>(`/exam/me/exams/${examId}/results`);
  }

  private call<T>(path: string, options: { method?: 'POST' | 'PUT'; body?: unknown } = {}): Promise<T> {
    return api<T>(path, { ...options, headers: { 'x-device-id': this.device } });
  }

  private async timed<T>(request: () => Promise<T>, serverTime: (answer: T) => string): Promise<T> {
    const sentAt = Date.now();
    const answer = await request();
    this.clock.sync(serverTime(answer), sentAt, Date.now());
    return answer;
  }
}
