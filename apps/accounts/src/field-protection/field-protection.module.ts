import { Global, Module, type DynamicModule } from '@nestjs/common';
import {
  FieldEncryptionSubscriber,
  loadFieldProtection,
  parseCryptoConfig,
  registerFieldEncryption,
} from '@exam/crypto';
import { DataSource } from 'typeorm';
import type { AccountsEnv } from '../config/accounts.env';

/**
 * Attaches field encryption to the service's DataSource, unless the platform has already done so, and exposes
 * the subscriber for blind-index lookups. Keys come from FIELD_* configuration (development defaults outside
 * production; production refuses to start without real keys).
 */
@Global()
@Module({})
export class FieldProtectionModule {
  static register(env: AccountsEnv): DynamicModule {
    return {
      module: FieldProtectionModule,
      providers: [
        {
          provide: FieldEncryptionSubscriber,
          inject: [DataSource],
          useFactory: async (dataSource: DataSource): Promise<FieldEncryptionSubscriber> => {
            const existing = dataSource.subscribers.find((s): s is FieldEncryptionSubscriber => s instanceof FieldEncryptionSubscriber);
            if (existing !== undefined) return existing;
            const protection = await loadFieldProtection(parseCryptoConfig(env.fieldProtectionEnv));
            return registerFieldEncryption(dataSource, { service: 'accounts', cipher: protection.cipher, blindIndex: protection.blindIndex });
          },
        },
      ],
      exports: [FieldEncryptionSubscriber],
    };
  }
}
