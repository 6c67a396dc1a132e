import type { InstitutionEntity } from '../institution.entity';
import { InstitutionResponseDto } from './institution.dto';

/** Builds the response from the stored row; the only place that knows both shapes. */
export function toInstitutionDto(institution: InstitutionEntity): InstitutionResponseDto {
  return Object.assign(new InstitutionResponseDto(), {
    institutionId: institution.id,
    name: institution.name,
    contactPhone: institution.contactPhone,
    contactEmail: institution.contactEmail,
    organisationCode: institution.organisationCode,
    invoiceBank: institution.invoiceBank,
    invoiceRecipient: institution.invoiceRecipient,
    invoiceAddress: institution.invoiceAddress,
    invoicePostcode: institution.invoicePostcode,
    createdAt: institution.createdAt.toISOString(),
  });
}
