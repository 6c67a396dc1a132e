import { maskValue } from '@exam/crypto';

import { AdminAppealResponseDto, AppealResponseDto } from './dto/appeal.dto';
import type { RealNameAppealEntity } from './real-name-appeal.entity';

export function toAppealResponse(appeal: RealNameAppealEntity): AppealResponseDto {
  return Object.assign(new AppealResponseDto(), {
    id: appeal.id,
    kind: appeal.kind,
    status: appeal.status,
    createdAt: appeal.createdAt.toISOString(),
  });
}

/** What a reviewer sees: the reason and a masked number, never the full ID number. */
export function toAdminAppealResponse(appeal: RealNameAppealEntity): AdminAppealResponseDto {
  return Object.assign(new AdminAppealResponseDto(), {
    id: appeal.id,
    kind: appeal.kind,
    status: appeal.status,
    createdAt: appeal.createdAt.toISOString(),
    userId: appeal.userId,
    reason: appeal.reason,
    maskedIdNumber: appeal.idNumber === null ? null : maskValue('idNumber', appeal.idNumber),
    reviewedBy: appeal.reviewedBy,
    reviewReason: appeal.reviewReason,
  });
}
