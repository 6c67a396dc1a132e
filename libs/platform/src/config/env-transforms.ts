import { Transform } from 'class-transformer';

/**
 * The parsing helpers of every env class: environment values are strings, these turn them into the
 * property's type before validation. Durations are whole or fractional seconds, named `<NAME>_SECONDS`.
 */
export const ToInt = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? Number(value) : value));

export const ToNumber = ToInt;

export const ToBool = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? ['1', 'true', 'yes'].includes(value.toLowerCase()) : value,
  );
