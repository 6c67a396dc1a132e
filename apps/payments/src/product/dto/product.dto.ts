import { IsPlainText } from '@exam/platform';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Max, MaxLength, Min } from 'class-validator';

import { MAX_AMOUNT_FEN } from '../../order/domain/money';
import { PRODUCT_KINDS, type ProductKind } from '../product.entity';

export class CreateProductDto {
  @IsIn(PRODUCT_KINDS) kind!: ProductKind;
  @IsString() @IsPlainText() @Length(1, 120) title!: string;
  @IsOptional() @IsString() @IsPlainText() @MaxLength(2000) description?: string;
  /** Price in fen (1 yuan = 100 fen), an integer. */
  @IsInt() @Min(1) @Max(MAX_AMOUNT_FEN) priceFen!: number;
  /** Shipped goods need a delivery contact on each order (default: true for materials). */
  @IsOptional() @IsBoolean() requiresShipping?: boolean;
  @IsOptional() @IsBoolean() listed?: boolean;
}

export class UpdateProductDto {
  @IsOptional() @IsString() @IsPlainText() @Length(1, 120) title?: string;
  @IsOptional() @IsString() @IsPlainText() @MaxLength(2000) description?: string;
  /** A new price applies to orders placed from now on; existing orders keep theirs. */
  @IsOptional() @IsInt() @Min(1) @Max(MAX_AMOUNT_FEN) priceFen?: number;
  @IsOptional() @IsBoolean() requiresShipping?: boolean;
  @IsOptional() @IsBoolean() listed?: boolean;
}

export class ProductResponseDto {
  productId!: string;
  institutionId!: string;
  kind!: ProductKind;
  title!: string;
  description!: string;
  priceFen!: number;
  currency!: 'CNY';
  requiresShipping!: boolean;
  listed!: boolean;
  createdAt!: string;
  updatedAt!: string;
}
