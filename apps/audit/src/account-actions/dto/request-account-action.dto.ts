import {
  ACCOUNT_ACTION_REASONS,
  ACCOUNT_ACTIONS,
  type AccountAction,
  type AccountActionReason,
} from '@exam/contracts';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';

export class RequestAccountActionDto {
  @IsIn(ACCOUNT_ACTIONS) action!: AccountAction;
  @IsIn(ACCOUNT_ACTION_REASONS) reason!: AccountActionReason;
  /** Why, in the staff member's words; kept in audit's database, hashed into the chain. */
  @IsString() @Length(3, 2000) note!: string;
  @IsOptional() @IsUUID() alertId?: string;
}

export class AccountActionResponseDto {
  actionId!: string;
  userId!: string;
  action!: string;
  reason!: string;
  requestedBy!: string;
  requestedAt!: string;
  /** Accounts carries the action out when it consumes the event. */
  status!: 'requested';
}
