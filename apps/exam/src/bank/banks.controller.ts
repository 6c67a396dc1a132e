import { TenantRoles } from '@exam/platform';
import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';

import { toBankDto, toCategoryTree, toTagDto } from './bank.mapper';
import { BanksService } from './banks.service';
import {
  BankResponseDto,
  CategoryResponseDto,
  CreateBankDto,
  CreateCategoryDto,
  CreateTagDto,
  TagResponseDto,
  UpdateBankDto,
  UpdateCategoryDto,
} from './dto/bank.dto';

/** Question banks, their category trees and tags: the institution's own staff only. */
@Controller('institutions/:institutionId/banks')
@TenantRoles('institutionId', ['org_admin', 'org_staff'])
export class BanksController {
  constructor(private readonly banks: BanksService) {}

  @Post()
  async create(
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Body() dto: CreateBankDto,
  ): Promise<BankResponseDto> {
    return toBankDto(await this.banks.create(institutionId, dto));
  }

  @Get()
  async list(
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
  ): Promise<{ items: BankResponseDto[] }> {
    return { items: (await this.banks.list(institutionId)).map(toBankDto) };
  }

  @Get(':bankId')
  async get(
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Param('bankId', ParseUUIDPipe) bankId: string,
  ): Promise<BankResponseDto> {
    return toBankDto(await this.banks.get(institutionId, bankId));
  }

  @Patch(':bankId')
  async update(
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Param('bankId', ParseUUIDPipe) bankId: string,
    @Body() dto: UpdateBankDto,
  ): Promise<BankResponseDto> {
    return toBankDto(await this.banks.update(institutionId, bankId, dto));
  }

  @Delete(':bankId')
  @HttpCode(204)
  async delete(
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Param('bankId', ParseUUIDPipe) bankId: string,
  ): Promise<void> {
    await this.banks.delete(institutionId, bankId);
  }

  @Get(':bankId/categories')
  async categories(
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Param('bankId', ParseUUIDPipe) bankId: string,
  ): Promise<{ tree: CategoryResponseDto[] }> {
    return { tree: toCategoryTree(await this.banks.categories(institutionId, bankId)) };
  }

  @Post(':bankId/categories')
  async createCategory(
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Param('bankId', ParseUUIDPipe) bankId: string,
    @Body() dto: CreateCategoryDto,
  ): Promise<CategoryResponseDto> {
    const c = await this.banks.createCategory(institutionId, bankId, dto);
    return { categoryId: c.id, parentId: c.parentId, name: c.name, children: [] };
  }

  @Patch(':bankId/categories/:categoryId')
  async updateCategory(
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Param('bankId', ParseUUIDPipe) bankId: string,
    @Param('categoryId', ParseUUIDPipe) categoryId: string,
    @Body() dto: UpdateCategoryDto,
  ): Promise<CategoryResponseDto> {
    const c = await this.banks.updateCategory(institutionId, bankId, categoryId, dto);
    return { categoryId: c.id, parentId: c.parentId, name: c.name, children: [] };
  }

  @Delete(':bankId/categories/:categoryId')
  @HttpCode(204)
  async deleteCategory(
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Param('bankId', ParseUUIDPipe) bankId: string,
    @Param('categoryId', ParseUUIDPipe) categoryId: string,
  ): Promise<void> {
    await this.banks.deleteCategory(institutionId, bankId, categoryId);
  }

  @Get(':bankId/tags')
  async tags(
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Param('bankId', ParseUUIDPipe) bankId: string,
  ): Promise<{ items: TagResponseDto[] }> {
    return { items: (await this.banks.tags(institutionId, bankId)).map(toTagDto) };
  }

  @Post(':bankId/tags')
  async createTag(
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Param('bankId', ParseUUIDPipe) bankId: string,
    @Body() dto: CreateTagDto,
  ): Promise<TagResponseDto> {
    return toTagDto(await this.banks.createTag(institutionId, bankId, dto.name));
  }

  @Delete(':bankId/tags/:tagId')
  @HttpCode(204)
  async deleteTag(
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Param('bankId', ParseUUIDPipe) bankId: string,
    @Param('tagId', ParseUUIDPipe) tagId: string,
  ): Promise<void> {
    await this.banks.deleteTag(institutionId, bankId, tagId);
  }
}
