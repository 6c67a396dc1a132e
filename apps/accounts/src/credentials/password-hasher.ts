import { availableParallelism } from 'node:os';

import { Injectable } from '@nestjs/common';
import { Algorithm, hash, verify } from '@node-rs/argon2';

import { PasswordCheckBusyError } from '../auth/auth.errors';
import { AccountsEnv } from '../config/accounts.env';
import { Semaphore } from './semaphore';

export interface Argon2Parameters {
  readonly memoryCost: number;
  readonly timeCost: number;
  readonly parallelism: number;
}

export interface PasswordCheck {
  readonly matches: boolean;
  /** The stored hash used other parameters than the current ones: store a fresh hash now that we know the password. */
  readonly needsRehash: boolean;
}

const PHC_PARAMS = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/;

export function parametersOf(encoded: string): Argon2Parameters | undefined {
  const match = PHC_PARAMS.exec(encoded);
  if (match === null) return undefined;
  return { memoryCost: Number(match[1]), timeCost: Number(match[2]), parallelism: Number(match[3]) };
}

/**
 * Argon2id through @node-rs/argon2, whose async functions run on the libuv thread pool: the event loop keeps
 * serving requests while a hash is computed (the benchmark measures the loop lag to prove it). At most one hash
 * per CPU runs at a time: more adds no throughput (the work is CPU-bound) but would crowd the event-loop thread
 * off the CPUs and stall every other request.
 */
@Injectable()
export class PasswordHasher {
  private readonly parameters: Argon2Parameters;
  /** Verified against when the account is unknown or locked, so those answers take as long as a wrong password. */
  private dummyHash: Promise<string> | undefined;
  private readonly slots: Semaphore;

  constructor(env: AccountsEnv) {
    this.parameters = {
      memoryCost: env.ARGON2_MEMORY_KIB,
      timeCost: env.ARGON2_TIME_COST,
      parallelism: env.ARGON2_PARALLELISM,
    };
    this.slots = new Semaphore(
      env.ARGON2_MAX_CONCURRENT > 0 ? env.ARGON2_MAX_CONCURRENT : availableParallelism(),
      env.ARGON2_MAX_QUEUED,
    );
  }

  hash(password: string): Promise<string> {
    return this.admitted(() => hash(password, { algorithm: Algorithm.Argon2id, ...this.parameters }));
  }

  async check(encoded: string, password: string): Promise<PasswordCheck> {
    const matches = await this.admitted(() => verify(encoded, password).catch(() => false));
    const used = parametersOf(encoded);
    const needsRehash =
      matches &&
      (used === undefined ||
        used.memoryCost !== this.parameters.memoryCost ||
        used.timeCost !== this.parameters.timeCost ||
        used.parallelism !== this.parameters.parallelism);
    return { matches, needsRehash };
  }

  /** Spends the same work as a real verification and always fails. */
  async burn(password: string): Promise<void> {
    this.dummyHash ??= this.hash('not-a-real-account-password');
    const dummy = await this.dummyHash;
    await this.admitted(() => verify(dummy, password).catch(() => false));
  }

  /**
   * A full queue refuses at once with 503: a flood of guesses would otherwise hold memory and make every
   * honest sign-in wait behind it without end.
   */
  private admitted<T>(work: () => Promise<T>): Promise<T> {
    if (this.slots.full) return Promise.reject(new PasswordCheckBusyError());
    return this.slots.run(work);
  }
}
