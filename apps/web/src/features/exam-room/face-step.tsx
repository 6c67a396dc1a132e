import { FaceCheck } from '../../face/FaceCheck';

/**
 * The face check the room needs, at entry (`exam_start`) and periodically (`exam_proctor`): the shared camera,
 * liveness and upload steps of the face feature, bound to this exam. The token it passes on is single use,
 * issued for this user, this exam and this purpose (the exam service verifies all three offline).
 */
export interface FaceStepProps {
  readonly purpose: 'exam_start' | 'exam_proctor';
  readonly examId: string;
  readonly onPassed: (token: string) => void;
}

export function FaceStep({ purpose, examId, onPassed }: FaceStepProps) {
  return <FaceCheck purpose={purpose} examId={examId} onPassed={onPassed} />;
}
