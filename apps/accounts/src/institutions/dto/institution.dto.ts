import { ORG_ROLES, type OrgRole } from '@exam/contracts';
import { IsPlainText, Sensitive } from '@exam/platform';
import {
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';

const MAINLAND_MOBILE = /^(?:\+86|0086)?\s*1[3-9]\d{9}$/;

export class RegisterInstitutionDto {
  @IsString() @IsPlainText() @Length(2, 128, { message: 'name must be 2 to 128 characters' }) name!: string;

  @ValidateIf(
    (dto: RegisterInstitutionDto) => dto.contactEmail === undefined || dto.contactPhone !== undefined,
  )
  @IsString({ message: 'give a contact phone or a contact email' })
  @Matches(MAINLAND_MOBILE, { message: 'contactPhone must be a mainland mobile number' })
  contactPhone?: string;

  @ValidateIf(
    (dto: RegisterInstitutionDto) => dto.contactPhone === undefined || dto.contactEmail !== undefined,
  )
  @IsString({ message: 'give a contact phone or a contact email' })
  @IsEmail({}, { message: 'contactEmail must be a valid email address' })
  @MaxLength(254)
  contactEmail?: string;

  @IsOptional()
  @Matches(/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/, {
    message: 'organisationCode must be the 18-character unified social credit code',
  })
  organisationCode?: string;

  @IsOptional() @IsString() @Length(1, 128) invoiceBank?: string;
  @IsOptional() @IsString() @IsPlainText() @Length(1, 64) invoiceRecipient?: string;
  @IsOptional() @IsString() @Length(1, 200) invoiceAddress?: string;
  @IsOptional() @Matches(/^\d{6}$/, { message: 'invoicePostcode must be 6 digits' }) invoicePostcode?: string;
}

export class UpdateInstitutionDto {
  @IsOptional()
  @IsString()
  @IsPlainText()
  @Length(2, 128, { message: 'name must be 2 to 128 characters' })
  name?: string;
}

export class InviteStaffDto {
  @ValidateIf((dto: InviteStaffDto) => dto.email === undefined || dto.phone !== undefined)
  @IsString({ message: 'give the phone or the email of the person to invite' })
  @Matches(MAINLAND_MOBILE, { message: 'phone must be a mainland mobile number' })
  phone?: string;

  @ValidateIf((dto: InviteStaffDto) => dto.phone === undefined || dto.email !== undefined)
  @IsString({ message: 'give the phone or the email of the person to invite' })
  @IsEmail({}, { message: 'email must be a valid email address' })
  email?: string;

  @IsIn(ORG_ROLES, { message: `role must be one of: ${ORG_ROLES.join(', ')}` }) role!: OrgRole;
}

export class AcceptInvitationDto {
  @Matches(/^[A-Za-z0-9_-]{43}$/, { message: 'token must be the invitation token we sent' }) token!: string;
}

export class InstitutionResponseDto {
  institutionId!: string;
  name!: string;
  @Sensitive('phone') contactPhone!: string | null;
  @Sensitive('email') contactEmail!: string | null;
  organisationCode!: string | null;
  invoiceBank!: string | null;
  @Sensitive('name') invoiceRecipient!: string | null;
  @Sensitive('address') invoiceAddress!: string | null;
  invoicePostcode!: string | null;
  createdAt!: string;
}

export class MemberResponseDto {
  userId!: string;
  nickname!: string;
  roles!: OrgRole[];
}

export class InvitationResponseDto {
  invitationId!: string;
  role!: OrgRole;
  @Sensitive('phone') phone?: string;
  @Sensitive('email') email?: string;
  expiresAt!: string;
}

export class MemberRoleParams {
  @IsUUID('all', { message: 'institutionId must be a UUID' }) institutionId!: string;
  @IsUUID('all', { message: 'userId must be a UUID' }) userId!: string;
  @IsIn(ORG_ROLES, { message: `role must be one of: ${ORG_ROLES.join(', ')}` }) role!: OrgRole;
}
