import { MASKING_POLICY, maskValue } from './masking-policy';
import { SENSITIVE_KINDS } from './sensitive-kind';

describe('MASKING_POLICY', () => {
  it.each(SENSITIVE_KINDS.map((kind) => [kind]))('should mask the documented example for %s', (kind) => {
    const [input, masked] = MASKING_POLICY[kind].example;

    expect(maskValue(kind, input)).toBe(masked);
  });
});
