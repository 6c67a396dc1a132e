import { REGENERATE_COMMAND, renderApiDocs, staleApiDocs } from '../../scripts/openapi';

/** docs/api is generated from the controllers and the error tables; this keeps it from drifting (no database or Kafka needed). */
describe('API reference (docs/api)', () => {
  it('should be up to date with the code', async () => {
    const files = await renderApiDocs();
    expect([...files.keys()]).toEqual(
      expect.arrayContaining([
        'docs/api/accounts.openapi.json',
        'docs/api/gateway.openapi.json',
        'docs/api/errors.md',
      ]),
    );
    const stale = staleApiDocs(files);
    if (stale.length > 0) {
      throw new Error(`API reference is stale (${stale.join(', ')}): run ${REGENERATE_COMMAND}`);
    }
  }, 120_000);
});
