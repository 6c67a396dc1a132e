import { type AuthUser, CurrentUser, TenantRoles } from '@exam/platform';
import { Body, Controller, Param, ParseUUIDPipe, Post } from '@nestjs/common';

import type { OrderRefundDto } from '../order/dto/order.dto';
import { toRefundDto } from '../order/order.mapper';
import { RequestRefundDto } from './dto/refund.dto';
import { RefundRequestsService } from './refund-requests.service';

/** Staff of an institution refund (part of) a paid order, with a reason; settled through the provider. */
@Controller('institutions/:institutionId/orders/:orderId/refunds')
@TenantRoles('institutionId', ['org_admin', 'org_staff'])
export class RefundsController {
  constructor(private readonly refunds: RefundRequestsService) {}

  @Post()
  async request(
    @CurrentUser() user: AuthUser,
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Param('orderId', ParseUUIDPipe) orderId: string,
    @Body() dto: RequestRefundDto,
  ): Promise<OrderRefundDto> {
    return toRefundDto(await this.refunds.requestByStaff(institutionId, orderId, user.userId, dto));
  }
}
