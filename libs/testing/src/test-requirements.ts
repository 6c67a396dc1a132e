import { existsSync } from 'node:fs';

/**
 * Tests never skip silently. A prerequisite that is absent (test data kept outside the repository, a piece of
 * infrastructure a test must control) fails the run under `CI=true` with a message naming it; elsewhere the
 * dependent tests are skipped and the reason is printed.
 */
export function isCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env.CI?.trim().toLowerCase();
  return value !== undefined && value !== '' && value !== 'false' && value !== '0';
}

export class MissingTestPrerequisiteError extends Error {
  constructor(readonly what: string) {
    super(`Missing test prerequisite: ${what}. CI=true requires it; provide it, or run outside CI to skip.`);
    this.name = 'MissingTestPrerequisiteError';
  }
}

function announceSkip(what: string): void {
  console.warn(`Skipping tests that need ${what}: it is missing (under CI=true this fails the run).`);
}

/**
 * True when the prerequisite is present. When it is absent: throws under CI (at collection time this fails the
 * whole test file), otherwise prints why the dependent tests are skipped and returns false.
 */
export function requirePrerequisite(
  present: boolean,
  what: string,
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  if (present) return true;
  if (isCi(env)) throw new MissingTestPrerequisiteError(what);
  announceSkip(what);
  return false;
}

/** True when the test data at `path` exists; see requirePrerequisite for what happens when it does not. */
export function requireTestData(path: string, what: string, env: NodeJS.ProcessEnv = process.env): boolean {
  return requirePrerequisite(existsSync(path), `${what} at ${path}`, env);
}

/** `describe` when the test data at `path` exists, otherwise `describe.skip` (or a failed run under CI). */
export function describeWithData(path: string, what: string): jest.Describe {
  return requireTestData(path, what) ? describe : describe.skip;
}

type TestFn = (name: string, fn: jest.ProvidesCallback, timeout?: number) => void;

/**
 * `it` when the prerequisite is present. When it is absent: under CI a test of the same name that fails naming
 * what is missing (the rest of the file still runs), otherwise `it.skip` with the reason printed.
 */
export function itWhen(present: boolean, what: string, env: NodeJS.ProcessEnv = process.env): TestFn {
  if (present) return it;
  if (isCi(env)) {
    return (name, _fn, timeout) => {
      it(
        name,
        () => {
          throw new MissingTestPrerequisiteError(what);
        },
        timeout,
      );
    };
  }
  announceSkip(what);
  return it.skip;
}
