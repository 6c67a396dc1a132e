import type { PolicyVersionEntity } from '../policy-version.entity';
import { PolicyVersionDto } from './privacy.dto';

/** Builds the response from the stored row; the only place that knows both shapes. */
export function toPolicyDto(entity: PolicyVersionEntity, withText: boolean): PolicyVersionDto {
  return Object.assign(new PolicyVersionDto(), {
    version: entity.version,
    effectiveAt: entity.effectiveAt.toISOString(),
    materialChange: entity.materialChange,
    ...(withText ? { text: entity.text } : {}),
  });
}
