import { REGENERATE_COMMAND, renderApiDocs, staleApiDocs } from '../../scripts/api-docs';

/** docs/api is generated from the controllers; this keeps it from drifting (no database or Kafka needed). */
describe('API reference (docs/api)', () => {
  it('is up to date with the code', () => {
    const files = renderApiDocs();
    expect([...files.keys()]).toEqual(
      expect.arrayContaining(['docs/api/README.md', 'docs/api/accounts.md', 'docs/api/gateway.md']),
    );
    const stale = staleApiDocs(files);
    if (stale.length > 0) {
      throw new Error(`API reference is stale (${stale.join(', ')}): run ${REGENERATE_COMMAND}`);
    }
  });
});
