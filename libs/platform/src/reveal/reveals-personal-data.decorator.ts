import { SetMetadata } from '@nestjs/common';

export const REVEALS_PERSONAL_DATA = 'privacy:reveals-personal-data';

/**
 * Marks the one kind of route whose job is to return a full personal value (to an authorised, audited
 * caller): the masking interceptor's safety net stands aside for it. Use only with PersonalDataRevealService.
 */
export const RevealsPersonalData = (): MethodDecorator => SetMetadata(REVEALS_PERSONAL_DATA, true);
