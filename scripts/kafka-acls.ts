import { applyKafkaAcls, BaseServiceEnv, kafkaAclPlan, kafkaSaslFrom, loadConfig } from '@exam/platform';
import { Kafka, logLevel } from 'kafkajs';

/**
 * Grants every service principal its least-privilege ACLs (see kafkaAclPlan), connected as a super user
 * (KAFKA_SASL_USERNAME / KAFKA_SASL_PASSWORD). Run by scripts/kafka.sh with KAFKA_AUTH=scram, by the
 * compose kafka-init service and by the k8s kafka-acls Job. Idempotent.
 */
async function main(): Promise<void> {
  const env = loadConfig(BaseServiceEnv, { ...process.env, DATABASE_NAME: 'unused' });
  const sasl = kafkaSaslFrom(env);
  if (sasl === undefined)
    throw new Error('ACLs need a SASL super user: set KAFKA_SASL_MECHANISM=scram-sha-512');
  const kafka = new Kafka({
    clientId: 'acl-admin',
    brokers: env.KAFKA_BROKERS.split(','),
    sasl,
    ssl: env.KAFKA_SSL,
    logLevel: logLevel.ERROR,
  });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const count = await applyKafkaAcls(admin, kafkaAclPlan(env.KAFKA_TOPIC_PREFIX));
    process.stdout.write(`[acls] ${count} ACL bindings present for the service principals\n`);
  } finally {
    await admin.disconnect();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`[acls] failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
