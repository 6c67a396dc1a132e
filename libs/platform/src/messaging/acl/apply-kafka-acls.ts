import {
  type AclEntry,
  AclOperationTypes,
  AclPermissionTypes,
  AclResourceTypes,
  type Admin,
  ResourcePatternTypes,
} from 'kafkajs';

import type { AclBinding } from './kafka-acl-plan';

function toEntry(binding: AclBinding): AclEntry {
  return {
    principal: binding.principal,
    host: '*',
    resourceType: AclResourceTypes[binding.resourceType],
    resourceName: binding.resourceName,
    resourcePatternType: ResourcePatternTypes[binding.patternType],
    operation: AclOperationTypes[binding.operation],
    permissionType: AclPermissionTypes.ALLOW,
  };
}

/** Creates the bindings (Kafka ignores one that exists already), as a super user. */
export async function applyKafkaAcls(admin: Admin, bindings: readonly AclBinding[]): Promise<number> {
  await admin.createAcls({ acl: bindings.map(toEntry) });
  return bindings.length;
}
