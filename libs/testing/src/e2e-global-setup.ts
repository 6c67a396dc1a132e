import { databaseScript, kafkaScript, useLocalKafkaCredentials } from './infrastructure';
import { shareRunIdWithWorkers } from './test-env';

/** e2e tests need the real database and broker: start them if they are not running yet. */
export default async function globalSetup(): Promise<void> {
  // One run id for every worker, so topics and databases of this run share a prefix (see teardown).
  shareRunIdWithWorkers();
  await databaseScript('ensure');
  await kafkaScript('start');
  await useLocalKafkaCredentials();
}
