import { replacesHeld, saveOutcome } from './save-order';

describe(replacesHeld.name, () => {
  it('should apply the first save and any higher sequence, never a lower or equal one', () => {
    expect(replacesHeld(null, { seq: 1, idempotencyKey: 'a' })).toBe(true);
    expect(replacesHeld({ seq: 4, idempotencyKey: 'a' }, { seq: 5, idempotencyKey: 'b' })).toBe(true);
    expect(replacesHeld({ seq: 4, idempotencyKey: 'a' }, { seq: 3, idempotencyKey: 'b' })).toBe(false);
    expect(replacesHeld({ seq: 4, idempotencyKey: 'a' }, { seq: 4, idempotencyKey: 'a' })).toBe(false);
  });

  it('should end with the highest sequence whatever order the saves arrive in', () => {
    const saves = Array.from({ length: 50 }, (_, i) => ({ seq: i + 1, idempotencyKey: `k${i + 1}` }));
    for (let run = 0; run < 20; run++) {
      const shuffled = [...saves].sort(() => Math.random() - 0.5);
      let held: { seq: number; idempotencyKey: string } | null = null;
      for (const save of [...shuffled, ...shuffled.slice(0, 10)]) if (replacesHeld(held, save)) held = save;
      expect(held).toEqual({ seq: 50, idempotencyKey: 'k50' });
    }
  });
});

describe(saveOutcome.name, () => {
  it('should call a retry of the held save held, and anything else superseded', () => {
    const held = { seq: 7, idempotencyKey: 'same' };
    expect(saveOutcome(held, { seq: 7, idempotencyKey: 'same' })).toBe('held');
    expect(saveOutcome(held, { seq: 7, idempotencyKey: 'other-tab' })).toBe('superseded');
    expect(saveOutcome(held, { seq: 3, idempotencyKey: 'old' })).toBe('superseded');
    expect(saveOutcome(null, { seq: 1, idempotencyKey: 'x' })).toBe('superseded');
  });
});
