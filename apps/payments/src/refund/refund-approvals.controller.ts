import { type AuthUser, CurrentUser, TenantRoles } from '@exam/platform';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';

import { RefundApprovalDto, RejectRefundDto, toRefundApprovalDto } from './dto/refund-approval.dto';
import { RefundApprovalService } from './refund-approval.service';

/**
 * Staff refunds past the institution's threshold: its staff see them, its org_admins (other than the
 * requester) approve or reject them. No platform bypass: money decisions stay with the institution.
 */
@Controller('institutions/:institutionId/refunds')
@TenantRoles('institutionId', ['org_admin', 'org_staff'], [])
export class RefundApprovalsController {
  constructor(private readonly approvals: RefundApprovalService) {}

  @Get('awaiting-approval')
  async awaiting(
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
  ): Promise<{ items: RefundApprovalDto[] }> {
    return { items: (await this.approvals.awaiting(institutionId)).map(toRefundApprovalDto) };
  }

  @Get(':refundId')
  async get(
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Param('refundId', ParseUUIDPipe) refundId: string,
  ): Promise<RefundApprovalDto> {
    return toRefundApprovalDto(await this.approvals.get(institutionId, refundId));
  }

  @Post(':refundId/approve')
  @HttpCode(200)
  @TenantRoles('institutionId', ['org_admin'], [])
  async approve(
    @CurrentUser() user: AuthUser,
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Param('refundId', ParseUUIDPipe) refundId: string,
  ): Promise<RefundApprovalDto> {
    return toRefundApprovalDto(await this.approvals.approve(institutionId, refundId, user.userId));
  }

  @Post(':refundId/reject')
  @HttpCode(200)
  @TenantRoles('institutionId', ['org_admin'], [])
  async reject(
    @CurrentUser() user: AuthUser,
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Param('refundId', ParseUUIDPipe) refundId: string,
    @Body() dto: RejectRefundDto,
  ): Promise<RefundApprovalDto> {
    return toRefundApprovalDto(await this.approvals.reject(institutionId, refundId, user.userId, dto.reason));
  }
}
