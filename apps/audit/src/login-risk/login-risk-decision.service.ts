import { LoginAttemptedV1, type LoginDecision, Topics } from '@exam/contracts';
import { Clock } from '@exam/platform';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { LoginHistoryRepository } from './login-history.repository';
import { LoginRiskService } from './login-risk.service';
import { assessLogin } from './risk-engine';
import { RiskPolicyRepository } from './risk-policy.repository';
import { SourceFailureRepository } from './source-failure.repository';
import { SourceFailureWindows } from './source-failure-windows';

const MS_PER_MINUTE = 60_000;

/**
 * The decision accounts asks for before it issues a token: the same rules, policy and state as the event path,
 * read as committed and without locks or writes. The attempt's `accounts.login.attempted` event still arrives
 * and is assessed, recorded and chained as before; this only answers sooner.
 */
@Injectable()
export class LoginRiskDecisionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly risk: LoginRiskService,
    private readonly policies: RiskPolicyRepository,
    private readonly histories: LoginHistoryRepository,
    private readonly failures: SourceFailureRepository,
    private readonly clock: Clock,
  ) {}

  async decide(attempt: LoginAttemptedV1): Promise<LoginDecision> {
    const [prepared] = this.risk.prepare([
      {
        id: attempt.attemptId,
        type: Topics.LoginAttempted,
        version: 1,
        occurredAt: attempt.attemptedAt,
        producer: 'accounts',
        subjectId: attempt.userId ?? attempt.attemptId,
        traceId: attempt.attemptId,
        payload: Object.assign(new LoginAttemptedV1(), attempt, { outcome: 'success' as const }),
      },
    ]);
    const userId = prepared.facts.userId;
    if (userId === null) return 'step_up';
    const manager = this.dataSource.manager;
    const policy = await this.policies.current(manager, this.clock.now());
    const ipWindow = policy.rules.credential_stuffing_ip.params.windowMinutes ?? 10;
    const deviceWindow = policy.rules.credential_stuffing_device.params.windowMinutes ?? 10;
    const refs = prepared.deviceRef === null ? [prepared.ipRef] : [prepared.ipRef, prepared.deviceRef];
    const at = prepared.facts.at;
    const [history, loaded] = await Promise.all([
      this.histories.find(manager, userId),
      this.failures.failuresBetween(
        manager,
        refs,
        new Date(at.getTime() - Math.max(ipWindow, deviceWindow) * MS_PER_MINUTE),
        at,
      ),
    ]);
    const windows = SourceFailureWindows.of(loaded);
    const sources = {
      ipDistinctAccounts: windows.distinctAccounts(prepared.ipRef, at, ipWindow),
      deviceDistinctAccounts:
        prepared.deviceRef === null ? 0 : windows.distinctAccounts(prepared.deviceRef, at, deviceWindow),
    };
    return assessLogin(prepared.facts, history, sources, policy).decision;
  }
}
