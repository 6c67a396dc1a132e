import { CRYPTO_ENV, parseCryptoConfig } from './crypto.config';
import { generateKeys, nextBlindIndexKeyId, runGenerateKeysCli } from './generate-keys';
import { loadFieldProtection } from './load-field-protection';

const CONTEXT = { service: 's', table: 't', column: 'c', rowId: 'r' };

describe(generateKeys.name, () => {
  it('should generate a fresh set that production accepts', () => {
    const sut = generateKeys({ now: new Date('2025-06-01T00:00:00Z') });

    expect(Object.keys(sut).sort()).toEqual(Object.values(CRYPTO_ENV).sort());
    expect(sut[CRYPTO_ENV.activeDataKeyId]).toMatch(/^dk20250601[0-9a-f]{4}$/);
    expect(() => parseCryptoConfig({ NODE_ENV: 'production', ...sut })).not.toThrow();
  });

  it('should add a data key that becomes active while old values stay readable', async () => {
    const original = generateKeys();
    const before = await loadFieldProtection(parseCryptoConfig(original));
    const stored = before.cipher.encrypt('secret', CONTEXT);

    const sut = { ...original, ...generateKeys({ mode: 'add-data-key', existing: original }) };
    const after = await loadFieldProtection(parseCryptoConfig(sut));

    expect(Object.keys(JSON.parse(sut[CRYPTO_ENV.dataKeys] ?? '') as object)).toHaveLength(2);
    expect(after.cipher.activeKeyId).not.toBe(before.cipher.activeKeyId);
    expect(after.cipher.decrypt(stored, CONTEXT)).toBe('secret');
  });

  it('should add a blind-index key without switching the active one', () => {
    const original = generateKeys();

    const sut = generateKeys({ mode: 'add-blind-index-key', existing: original });

    expect(Object.keys(sut)).toEqual([CRYPTO_ENV.blindIndexKeys]);
    expect(Object.keys(JSON.parse(sut[CRYPTO_ENV.blindIndexKeys] ?? '') as object)).toHaveLength(2);
  });

  it('should re-wrap every data key under a fresh KEK without changing what they decrypt', async () => {
    const original = { ...generateKeys() };
    const withTwo = { ...original, ...generateKeys({ mode: 'add-data-key', existing: original }) };
    const before = await loadFieldProtection(parseCryptoConfig(withTwo));
    const stored = before.cipher.encrypt('secret', CONTEXT);

    const sut = { ...withTwo, ...generateKeys({ mode: 'rotate-kek', existing: withTwo }) };
    const after = await loadFieldProtection(parseCryptoConfig(sut));

    expect(sut[CRYPTO_ENV.kek]).not.toBe(withTwo[CRYPTO_ENV.kek]);
    expect(sut[CRYPTO_ENV.dataKeys]).not.toBe(withTwo[CRYPTO_ENV.dataKeys]);
    expect(after.cipher.decrypt(stored, CONTEXT)).toBe('secret');
  });

  it('should refuse to add a key without a current configuration', () => {
    expect(() => generateKeys({ mode: 'add-data-key', existing: {} })).toThrow('CRYPTO.CONFIG_INVALID');
  });
});

describe(runGenerateKeysCli.name, () => {
  it('should print dotenv lines', () => {
    const lines: string[] = [];

    const code = runGenerateKeysCli([], {}, (line) => lines.push(line));

    expect(code).toBe(0);
    expect(lines.map((line) => line.split('=')[0])).toEqual(Object.values(CRYPTO_ENV));
    expect(lines.every((line) => /^[A-Z_]+='[^']+'$/.test(line))).toBe(true);
  });

  it('should exit 1 with a message when adding to an empty configuration', () => {
    const lines: string[] = [];

    expect(runGenerateKeysCli(['--add-data-key'], {}, (line) => lines.push(line))).toBe(1);
    expect(lines[0]).toContain('CRYPTO.CONFIG_INVALID');
  });

  it('should print and rotate one service set under its own prefix, ignoring unprefixed keys', () => {
    const fresh: string[] = [];
    expect(runGenerateKeysCli(['--prefix', 'ACCOUNTS_'], {}, (line) => fresh.push(line))).toBe(0);
    expect(fresh.map((line) => line.split('=')[0])).toEqual(
      Object.values(CRYPTO_ENV).map((n) => `ACCOUNTS_${n}`),
    );
    const env = Object.fromEntries(
      fresh.map((line) => {
        const [name = '', ...rest] = line.split('=');
        return [name, rest.join('=').slice(1, -1)];
      }),
    );

    const added: string[] = [];
    expect(
      runGenerateKeysCli(
        ['--prefix', 'ACCOUNTS_', '--add-data-key'],
        { ...env, FIELD_KEK: 'other' },
        (line) => added.push(line),
      ),
    ).toBe(0);
    expect(added.map((line) => line.split('=')[0])).toEqual([
      'ACCOUNTS_FIELD_DATA_KEYS',
      'ACCOUNTS_FIELD_ACTIVE_KEY_ID',
    ]);
  });

  it('should refuse a prefix that is not an upper-case variable prefix', () => {
    const lines: string[] = [];
    expect(runGenerateKeysCli(['--prefix', 'accounts'], {}, (line) => lines.push(line))).toBe(1);
    expect(lines[0]).toContain('--prefix');
  });
});

describe(nextBlindIndexKeyId.name, () => {
  it('should number blind-index generations, since index columns name their generation in code', () => {
    expect(nextBlindIndexKeyId([])).toBe('bi1');
    expect(nextBlindIndexKeyId(['bi1'])).toBe('bi2');
    expect(nextBlindIndexKeyId(['bi1', 'bi3', 'legacy'])).toBe('bi4');
  });

  it('should start a fresh key set at generation bi1', () => {
    const indexKeys = JSON.parse(generateKeys().BLIND_INDEX_KEYS) as Record<string, string>;
    expect(Object.keys(indexKeys)).toEqual(['bi1']);
    expect(generateKeys().BLIND_INDEX_ACTIVE_KEY_ID).toBe('bi1');
  });
});
