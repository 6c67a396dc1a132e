import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { Topics } from '@exam/contracts';

import { EVENT_PRODUCERS } from '../signing/signed-topics';
import { kafkaAclPlan, SERVICE_SUBSCRIPTIONS } from './kafka-acl-plan';

const ROOT = resolve(__dirname, '..', '..', '..', '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** The topics an app's consumers subscribe to, read from its `@OnEvent(Topics.X)` / `@OnEventBatch(Topics.X)`. */
function subscriptionsInCode(app: string): string[] {
  const found = new Set<string>();
  for (const file of sourceFiles(join(ROOT, 'apps', app, 'src'))) {
    for (const match of readFileSync(file, 'utf8').matchAll(/@OnEvent(?:Batch)?\(\s*Topics\.(\w+)/g)) {
      found.add(Topics[match[1] as keyof typeof Topics]);
    }
  }
  return [...found].sort();
}

describe('kafkaAclPlan', () => {
  it.each(EVENT_PRODUCERS)(
    'should grant %s read access to exactly the topics its consumers subscribe to',
    (app) => {
      expect([...SERVICE_SUBSCRIPTIONS[app]].sort()).toEqual(subscriptionsInCode(app));
    },
  );

  it('should let each service write only under its own name, its consumed topics’ dead letters excepted', () => {
    const sut = kafkaAclPlan('');

    const stray = sut.filter((b) => {
      if (b.operation !== 'WRITE') return false;
      const service = b.principal.replace('User:', '');
      const own = b.patternType === 'PREFIXED' && b.resourceName === `${service}.`;
      const deadLetter = b.patternType === 'LITERAL' && b.resourceName.endsWith('.dlq');
      return !own && !deadLetter;
    });
    expect(stray).toEqual([]);
  });

  it('should never grant a wildcard, the bare prefix or another service’s consumer group', () => {
    const sut = kafkaAclPlan('t1.');

    expect(sut.filter((b) => ['*', '', 't1.'].includes(b.resourceName))).toEqual([]);
    expect(
      sut.filter((b) => b.resourceType === 'GROUP' && b.principal !== `User:${b.resourceName.slice(3)}`),
    ).toEqual([]);
  });

  it('should apply the topic prefix to every binding', () => {
    expect(kafkaAclPlan('t1.').every((b) => b.resourceName.startsWith('t1.'))).toBe(true);
  });
});
