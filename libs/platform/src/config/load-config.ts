import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';

import { looksLikePlaceholder, secretKeysOf } from './secret.decorator';

export class ConfigValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigValidationError';
  }
}

function describe(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => `${path}: ${message}`);
    return [...own, ...describe(error.children ?? [], path)];
  });
}

/**
 * Builds and validates a typed config object from environment-like strings.
 * Every problem is reported at once so an operator can fix them in one go.
 */
export function loadConfig<T extends object>(
  cls: new () => T,
  env: Readonly<Record<string, string | undefined>>,
): T {
  const defined = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const instance = plainToInstance(cls, defined, {
    enableImplicitConversion: false,
    exposeDefaultValues: true,
  });
  const problems = describe(validateSync(instance, { whitelist: true, forbidUnknownValues: true }));
  const record = instance as Record<string, unknown>;
  if (record.NODE_ENV === 'production') {
    for (const key of secretKeysOf(instance)) {
      const value = record[key];
      if (typeof value !== 'string' || looksLikePlaceholder(value)) {
        problems.push(
          `${key}: a real secret is required in production (missing, too short or a placeholder)`,
        );
      }
    }
  }
  if (problems.length > 0) throw new ConfigValidationError(problems);
  return instance;
}
