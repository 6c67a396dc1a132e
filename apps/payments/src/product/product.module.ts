import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { StaffAuditModule } from '../staff-audit/staff-audit.module';
import { ProductEntity } from './product.entity';
import { ProductRepository } from './product.repository';
import { CatalogueController, StaffProductsController } from './products.controller';
import { ProductsService } from './products.service';

@Module({
  imports: [TypeOrmModule.forFeature([ProductEntity]), StaffAuditModule],
  controllers: [StaffProductsController, CatalogueController],
  providers: [ProductRepository, ProductsService],
  exports: [ProductRepository],
})
export class ProductModule {}
