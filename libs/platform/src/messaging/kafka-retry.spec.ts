import { isRetriableKafkaError, withKafkaRetry } from './kafka-retry';

const retriable = (): Error =>
  Object.assign(new Error('This server does not host this topic-partition'), { retriable: true });

describe(withKafkaRetry.name, () => {
  it('should retry retriable broker errors until the call succeeds', async () => {
    let calls = 0;
    const result = await withKafkaRetry(
      () => {
        calls += 1;
        return calls < 3 ? Promise.reject(retriable()) : Promise.resolve('ok');
      },
      { timeoutMs: 5_000, delayMs: 1 },
    );

    expect({ result, calls }).toEqual({ result: 'ok', calls: 3 });
  });

  it('should not retry an error that is not retriable', async () => {
    let calls = 0;
    const failing = withKafkaRetry(
      () => {
        calls += 1;
        return Promise.reject(new Error('Topic authorization failed'));
      },
      { timeoutMs: 5_000, delayMs: 1 },
    );

    await expect(failing).rejects.toThrow('Topic authorization failed');
    expect(calls).toBe(1);
  });

  it('should give up at the deadline with the last error', async () => {
    await expect(
      withKafkaRetry(() => Promise.reject(retriable()), { timeoutMs: 20, delayMs: 5 }),
    ).rejects.toThrow('does not host');
  });

  it('should recognise retriable errors by their flag only', () => {
    expect([retriable(), new Error('x'), null, 'retriable'].map(isRetriableKafkaError)).toEqual([
      true,
      false,
      false,
      false,
    ]);
  });
});
