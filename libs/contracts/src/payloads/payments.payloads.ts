import { IsIn, IsInt, IsUUID, Min } from 'class-validator';

export class OrderPaidV1 {
  @IsUUID() orderId!: string;
  @IsUUID() userId!: string;
  @IsUUID() registrationId!: string;
  /** Amount in fen (minor units): money is never a float. */
  @IsInt() @Min(0) amountFen!: number;
  @IsIn(['CNY']) currency!: 'CNY';
}
