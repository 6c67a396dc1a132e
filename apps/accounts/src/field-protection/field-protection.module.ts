import { FieldEncryptionSubscriber } from '@exam/crypto';
import { Global, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';

/**
 * Exposes the FieldEncryptionSubscriber that PlatformModule registers on the DataSource, for blind-index
 * lookups (`blindIndexWhere`). Failing here means the platform did not wire field encryption: refuse to start.
 */
@Global()
@Module({
  providers: [
    {
      provide: FieldEncryptionSubscriber,
      inject: [DataSource],
      useFactory: (dataSource: DataSource): FieldEncryptionSubscriber => {
        const subscriber = dataSource.subscribers.find(
          (s): s is FieldEncryptionSubscriber => s instanceof FieldEncryptionSubscriber,
        );
        if (subscriber === undefined)
          throw new Error('field encryption is not registered on the accounts DataSource');
        return subscriber;
      },
    },
  ],
  exports: [FieldEncryptionSubscriber],
})
export class FieldProtectionModule {}
