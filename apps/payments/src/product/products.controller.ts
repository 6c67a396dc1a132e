import { type AuthUser, CurrentUser, Roles, TenantRoles } from '@exam/platform';
import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';

import { CreateProductDto, ProductResponseDto, UpdateProductDto } from './dto/product.dto';
import { toProductDto } from './product.mapper';
import { ProductsService } from './products.service';

/** Staff of one institution manage its products (courses, materials). */
@Controller('institutions/:institutionId/products')
@TenantRoles('institutionId', ['org_admin', 'org_staff'])
export class StaffProductsController {
  constructor(private readonly products: ProductsService) {}

  @Post()
  async create(
    @CurrentUser() user: AuthUser,
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Body() dto: CreateProductDto,
  ): Promise<ProductResponseDto> {
    return toProductDto(await this.products.create(institutionId, user.userId, dto));
  }

  @Get()
  async list(
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
  ): Promise<{ items: ProductResponseDto[] }> {
    return { items: (await this.products.list(institutionId, false)).map(toProductDto) };
  }

  @Patch(':productId')
  async update(
    @CurrentUser() user: AuthUser,
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Param('productId', ParseUUIDPipe) productId: string,
    @Body() dto: UpdateProductDto,
  ): Promise<ProductResponseDto> {
    return toProductDto(await this.products.update(institutionId, productId, user.userId, dto));
  }

  @Delete(':productId')
  @HttpCode(204)
  async unlist(
    @CurrentUser() user: AuthUser,
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Param('productId', ParseUUIDPipe) productId: string,
  ): Promise<void> {
    await this.products.unlist(institutionId, productId, user.userId);
  }
}

/** Candidates browse what an institution sells. */
@Controller('catalogue/:institutionId')
@Roles('candidate')
export class CatalogueController {
  constructor(private readonly products: ProductsService) {}

  @Get()
  async list(
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
  ): Promise<{ items: ProductResponseDto[] }> {
    return { items: (await this.products.list(institutionId, true)).map(toProductDto) };
  }
}
