import type { FieldProtection } from '@exam/crypto';
import { FIELD_PROTECTION } from '@exam/platform';
import { Inject, Injectable } from '@nestjs/common';

/** Same domain the field-encryption subscriber derives for real_name_records.id_number (service/table.column). */
const ID_NUMBER_INDEX_DOMAIN = 'identity/real_name_records.id_number';

/** Blind index of an ID number, for equality lookups on the encrypted column. */
@Injectable()
export class IdNumberIndex {
  constructor(@Inject(FIELD_PROTECTION) private readonly protection: FieldProtection) {}

  of(idNumber: string): string {
    return this.protection.blindIndex.compute(idNumber, { kind: 'idNumber', domain: ID_NUMBER_INDEX_DOMAIN });
  }
}
