import { useTranslation } from 'react-i18next';

import { classifyFaceReason } from './face-reasons';

/** Why a face check was refused, in the person's language (never the service's raw sentence). */
export function useFaceReasonText(): (
  reason: string | null | undefined,
  fallback?: 'face_mismatch',
) => string {
  const { t } = useTranslation('identity');
  return (reason, fallback) => {
    const classified = classifyFaceReason(reason);
    if (classified.kind === 'step_not_shown') {
      return t('face.reasons.step_not_shown', {
        frame: classified.frame + 1,
        prompt: t(`face.steps.${classified.step}`),
      });
    }
    if (classified.kind === 'other' && fallback) return t(`face.reasons.${fallback}`);
    return t(`face.reasons.${classified.kind}`);
  };
}
