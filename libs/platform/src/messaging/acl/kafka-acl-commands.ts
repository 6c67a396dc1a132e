import type { AclBinding } from './kafka-acl-plan';

/**
 * The plan as `kafka-acls.sh` calls, one per principal, resource kind and set of operations (AclCommand takes
 * several --topic values in one call), for brokers provisioned from a shell (docker/kafka/acls.sh).
 */
export function kafkaAclShellCommands(bindings: readonly AclBinding[]): string[] {
  const groups = new Map<string, { binding: AclBinding; operations: Set<string>; names: Set<string> }>();
  const byResource = new Map<string, Set<string>>();
  for (const b of bindings) {
    const key = `${b.principal}|${b.resourceType}|${b.patternType}|${b.resourceName}`;
    byResource.set(key, (byResource.get(key) ?? new Set()).add(b.operation));
  }
  for (const [key, operations] of byResource) {
    const [principal = '', resourceType = '', patternType = '', resourceName = ''] = key.split('|');
    const groupKey = `${principal}|${resourceType}|${patternType}|${[...operations].sort().join(',')}`;
    const binding = bindings.find(
      (b) =>
        b.principal === principal &&
        b.resourceType === resourceType &&
        b.patternType === patternType &&
        b.resourceName === resourceName,
    );
    if (binding === undefined) continue;
    const group = groups.get(groupKey) ?? { binding, operations, names: new Set<string>() };
    group.names.add(resourceName);
    groups.set(groupKey, group);
  }
  return [...groups.values()].map(({ binding, operations, names }) =>
    [
      'acl --add',
      `--allow-principal ${binding.principal}`,
      ...[...operations].sort().map((o) => `--operation ${o}`),
      ...[...names].sort().map((n) => `--${binding.resourceType.toLowerCase()} ${n}`),
      `--resource-pattern-type ${binding.patternType.toLowerCase()}`,
    ].join(' '),
  );
}
