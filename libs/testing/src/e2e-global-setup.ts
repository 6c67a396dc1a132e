import { databaseScript, kafkaScript } from './infrastructure';

/** e2e tests need the real database and broker: start them if they are not running yet. */
export default async function globalSetup(): Promise<void> {
  await databaseScript('ensure');
  await kafkaScript('start');
}
