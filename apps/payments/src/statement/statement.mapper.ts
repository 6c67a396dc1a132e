import type { StatementMismatchDto, StatementRunDto } from './dto/statement.dto';
import type { StatementMismatchEntity } from './statement-mismatch.entity';
import type { StatementRunEntity } from './statement-run.entity';

export function toMismatchDto(m: StatementMismatchEntity): StatementMismatchDto {
  return {
    mismatchId: m.id,
    provider: m.provider,
    date: m.statementDate,
    kind: m.kind,
    outTradeNo: m.outTradeNo,
    providerTradeNo: m.providerTradeNo,
    outRefundNo: m.outRefundNo,
    orderId: m.orderId,
    institutionId: m.institutionId,
    platformAmountFen: m.platformAmountFen,
    providerAmountFen: m.providerAmountFen,
    platformStatus: m.platformStatus,
    providerStatus: m.providerStatus,
    status: m.status,
    resolutionNote: m.resolutionNote,
    resolvedBy: m.resolvedBy,
    resolvedAt: m.resolvedAt?.toISOString() ?? null,
    detectedAt: m.detectedAt.toISOString(),
  };
}

export function toRunDto(r: StatementRunEntity): StatementRunDto {
  return {
    runId: r.id,
    provider: r.provider,
    date: r.statementDate,
    status: r.status,
    triggeredBy: r.triggeredBy,
    startedAt: r.startedAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
    paymentsCount: r.paymentsCount,
    refundsCount: r.refundsCount,
    mismatchesCount: r.mismatchesCount,
    failure: r.failure,
  };
}
