import { type AuthUser, CurrentUser, TenantRoles } from '@exam/platform';
import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';

import {
  AcceptInvitationDto,
  InstitutionResponseDto,
  InvitationResponseDto,
  InviteStaffDto,
  MemberResponseDto,
  MemberRoleParams,
  RegisterInstitutionDto,
  UpdateInstitutionDto,
} from './dto/institution.dto';
import { toInstitutionDto } from './dto/institution.mapper';
import { InstitutionsService } from './institutions.service';

@Controller()
export class InstitutionsController {
  constructor(private readonly institutions: InstitutionsService) {}

  /** Any signed-in account may register an institution and becomes its administrator (refresh to get the role). */
  @Post('institutions')
  async register(
    @CurrentUser() user: AuthUser,
    @Body() dto: RegisterInstitutionDto,
  ): Promise<InstitutionResponseDto> {
    return toInstitutionDto(await this.institutions.register(user.userId, dto));
  }

  @Get('institutions/:institutionId')
  @TenantRoles('institutionId', ['org_admin', 'org_staff'])
  async get(@Param('institutionId', ParseUUIDPipe) institutionId: string): Promise<InstitutionResponseDto> {
    return toInstitutionDto(await this.institutions.get(institutionId));
  }

  @Patch('institutions/:institutionId')
  @TenantRoles('institutionId', ['org_admin'])
  async update(
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Body() dto: UpdateInstitutionDto,
  ): Promise<InstitutionResponseDto> {
    return toInstitutionDto(await this.institutions.update(institutionId, dto));
  }

  @Get('institutions/:institutionId/members')
  @TenantRoles('institutionId', ['org_admin', 'org_staff'])
  async members(
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
  ): Promise<{ members: MemberResponseDto[] }> {
    const members = await this.institutions.members(institutionId);
    return { members: members.map((m) => Object.assign(new MemberResponseDto(), m)) };
  }

  @Post('institutions/:institutionId/invitations')
  @TenantRoles('institutionId', ['org_admin'])
  async invite(
    @CurrentUser() user: AuthUser,
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Body() dto: InviteStaffDto,
  ): Promise<InvitationResponseDto> {
    const invitation = await this.institutions.invite(institutionId, user.userId, dto);
    return Object.assign(new InvitationResponseDto(), {
      invitationId: invitation.id,
      role: invitation.role,
      ...(invitation.contactKind === 'phone' ? { phone: invitation.contact } : { email: invitation.contact }),
      expiresAt: invitation.expiresAt.toISOString(),
    });
  }

  /** Takes effect in the member's next token (≤ one access-token lifetime); published for other services. */
  @Delete('institutions/:institutionId/members/:userId/roles/:role')
  @TenantRoles('institutionId', ['org_admin'])
  @HttpCode(204)
  async revokeRole(@Param() params: MemberRoleParams): Promise<void> {
    await this.institutions.revoke(params.institutionId, params.userId, params.role);
  }

  @Post('invitations/accept')
  @HttpCode(200)
  async accept(
    @CurrentUser() user: AuthUser,
    @Body() dto: AcceptInvitationDto,
  ): Promise<{ institutionId: string; role: string }> {
    return this.institutions.accept(user.userId, dto.token);
  }
}
