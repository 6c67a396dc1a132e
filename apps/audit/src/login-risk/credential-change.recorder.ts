import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { LoginHistoryRepository } from './login-history.repository';
import {
  type CredentialChangeKind,
  EMPTY_HISTORY,
  type LoginHistory,
  withCredentialChange,
} from './risk-engine';

export interface CredentialChange {
  readonly userId: string;
  readonly at: Date;
  readonly kind: CredentialChangeKind;
}

/** Writes password and contact changes into the users' login histories (created if missing). */
@Injectable()
export class CredentialChangeRecorder {
  constructor(private readonly histories: LoginHistoryRepository) {}

  async record(manager: EntityManager, changes: readonly CredentialChange[]): Promise<void> {
    if (changes.length === 0) return;
    const stored = await this.histories.lockMany(
      manager,
      changes.map((c) => c.userId),
    );
    const updated = new Map<string, LoginHistory>();
    for (const change of changes) {
      const history = updated.get(change.userId) ?? stored.get(change.userId) ?? EMPTY_HISTORY;
      updated.set(change.userId, withCredentialChange(history, change.at, change.kind));
    }
    await this.histories.saveMany(manager, updated);
  }
}
