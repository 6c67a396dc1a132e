import { IsPlainText } from '@exam/platform';
import { IsInt, IsString, Length, Matches, Max, Min } from 'class-validator';

import { MAX_AMOUNT_FEN } from '../../order/domain/money';

export class RequestRefundDto {
  /** Fen to refund; at most the order's refundableFen. */
  @IsInt() @Min(1) @Max(MAX_AMOUNT_FEN) amountFen!: number;
  @IsString() @IsPlainText() @Length(1, 200) reason!: string;
  /** Repeating the request with the same key returns the same refund. */
  @Matches(/^[A-Za-z0-9_-]{8,64}$/, { message: 'idempotencyKey must be 8 to 64 letters, digits, - or _' })
  idempotencyKey!: string;
}
