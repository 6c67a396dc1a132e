import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { kafkaAclScript } from './kafka-acl-script';

describe('docker/kafka/acls.sh', () => {
  it('should be the script generated from kafkaAclPlan (regenerate: see its header)', () => {
    const committed = readFileSync(join(__dirname, '..', 'docker', 'kafka', 'acls.sh'), 'utf8');

    expect(committed).toBe(kafkaAclScript());
  });

  it('should grant every service principal its own topics and group, and nothing to anyone else', () => {
    const principals = [...kafkaAclScript().matchAll(/--allow-principal (\S+)/g)].map((m) => m[1]);

    expect([...new Set(principals)].sort()).toEqual(
      ['User:accounts', 'User:audit', 'User:exam', 'User:identity', 'User:payments'].sort(),
    );
    expect(kafkaAclScript()).not.toMatch(/--topic \*|--group \*|--cluster|--operation All/);
  });
});
