import type { ProductResponseDto } from './dto/product.dto';
import type { ProductEntity } from './product.entity';

export function toProductDto(p: ProductEntity): ProductResponseDto {
  return {
    productId: p.id,
    institutionId: p.institutionId,
    kind: p.kind,
    title: p.title,
    description: p.description,
    priceFen: p.priceFen,
    currency: p.currency,
    requiresShipping: p.requiresShipping,
    listed: p.listed,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}
