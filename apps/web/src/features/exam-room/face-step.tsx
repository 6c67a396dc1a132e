import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * The face check the room needs, behind one adapter: at entry (`exam_start`) and periodically (`exam_proctor`).
 * It follows the contract of the face feature's component, which is built separately:
 *
 *   import { FaceCheck } from '../../face/FaceCheck';
 *   export function FaceStep(props: FaceStepProps) { return <FaceCheck {...props} />; }
 *
 * Until that is wired, it says the check cannot be done in this browser (the room then reports a periodic check
 * as missing, and an exam that requires the check at entry cannot be started here).
 */
export interface FaceStepProps {
  readonly purpose: 'exam_start' | 'exam_proctor';
  readonly examId: string;
  readonly onPassed: (token: string) => void;
}

export function FaceStep(_props: FaceStepProps) {
  const { t } = useTranslation('examRoom');
  return <Alert type="warning" showIcon title={t('face.unavailable')} />;
}
