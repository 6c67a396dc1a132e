import { type AuthUser, CurrentUser, Roles, TenantRoles } from '@exam/platform';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';

import {
  CheckoutDto,
  CheckoutResponseDto,
  ListOrdersQueryDto,
  OrderDetailDto,
  OrderResponseDto,
  PlaceOrderDto,
  ReorderExamFeeDto,
} from './dto/order.dto';
import { ExamFeeReorderService } from './exam-fee-reorder.service';
import { toOrderDetailDto, toOrderDto } from './order.mapper';
import { OrderPlacementService } from './order-placement.service';
import { OrdersService } from './orders.service';

/** A candidate's own orders: place (idempotent), read, cancel, pay. */
@Controller()
@Roles('candidate')
export class CandidateOrdersController {
  constructor(
    private readonly placement: OrderPlacementService,
    private readonly orders: OrdersService,
    private readonly reorders: ExamFeeReorderService,
  ) {}

  @Post('orders')
  async place(@CurrentUser() user: AuthUser, @Body() dto: PlaceOrderDto): Promise<OrderResponseDto> {
    return toOrderDto(await this.placement.placeProductOrder(user.userId, dto));
  }

  /** A new exam-fee order for a registration whose order expired (the fee is the one exam published). */
  @Post('me/registrations/:registrationId/orders')
  async reorder(
    @CurrentUser() user: AuthUser,
    @Param('registrationId', ParseUUIDPipe) registrationId: string,
    @Body() dto: ReorderExamFeeDto,
  ): Promise<OrderResponseDto> {
    return toOrderDto(await this.reorders.reorder(user.userId, registrationId, dto.idempotencyKey));
  }

  @Get('me/orders')
  async list(@CurrentUser() user: AuthUser): Promise<{ items: OrderResponseDto[] }> {
    return { items: (await this.orders.listMine(user.userId)).map(toOrderDto) };
  }

  @Get('me/orders/:orderId')
  async get(
    @CurrentUser() user: AuthUser,
    @Param('orderId', ParseUUIDPipe) orderId: string,
  ): Promise<OrderDetailDto> {
    return toOrderDetailDto(await this.orders.detail(await this.orders.mine(user.userId, orderId)));
  }

  @Post('me/orders/:orderId/cancel')
  @HttpCode(200)
  async cancel(
    @CurrentUser() user: AuthUser,
    @Param('orderId', ParseUUIDPipe) orderId: string,
  ): Promise<OrderResponseDto> {
    return toOrderDto(await this.orders.cancel(user.userId, orderId));
  }

  @Post('me/orders/:orderId/checkout')
  @HttpCode(200)
  async checkout(
    @CurrentUser() user: AuthUser,
    @Param('orderId', ParseUUIDPipe) orderId: string,
    @Body() dto: CheckoutDto,
  ): Promise<CheckoutResponseDto> {
    const { order, checkout } = await this.orders.checkout(user.userId, orderId, dto.provider, dto.method);
    return {
      orderId: order.id,
      provider: dto.provider,
      method: dto.method,
      codeUrl: checkout.codeUrl ?? null,
      payUrl: checkout.payUrl ?? null,
      amountFen: order.amountFen,
      expiresAt: order.expiresAt.toISOString(),
    };
  }
}

/** Staff of one institution see its orders, with their history and refunds. */
@Controller('institutions/:institutionId/orders')
@TenantRoles('institutionId', ['org_admin', 'org_staff'])
export class StaffOrdersController {
  constructor(private readonly orders: OrdersService) {}

  @Get()
  async list(
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Query() query: ListOrdersQueryDto,
  ): Promise<{ items: OrderResponseDto[] }> {
    return { items: (await this.orders.listOfInstitution(institutionId, query.status)).map(toOrderDto) };
  }

  @Get(':orderId')
  async get(
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Param('orderId', ParseUUIDPipe) orderId: string,
  ): Promise<OrderDetailDto> {
    return toOrderDetailDto(
      await this.orders.detail(await this.orders.ofInstitution(institutionId, orderId)),
    );
  }
}
