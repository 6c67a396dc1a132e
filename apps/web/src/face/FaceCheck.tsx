import { createFaceChallenge, submitFaceCheck } from './face-api';
import { FaceCheckFlow } from './FaceCheckFlow';

export interface FaceCheckProps {
  /** Why the face is checked: `exam_start` before an exam, `exam_proctor` during one (FACE_CHECK_PURPOSES). */
  purpose: string;
  /** Required for the exam purposes. */
  examId?: string;
  /** The face-check token of a passed check (valid 5 minutes), for the service that asked for it. */
  onPassed: (faceCheckToken: string) => void;
  onCancel?: () => void;
}

/**
 * A signed-in face check against the account's verified face: camera, liveness movements, decision. On a
 * refusal it says why and offers another try and a human review.
 */
export function FaceCheck({ purpose, examId, onPassed, onCancel }: FaceCheckProps) {
  return (
    <FaceCheckFlow
      requestChallenge={() => createFaceChallenge(purpose, examId)}
      submit={submitFaceCheck}
      onPassed={onPassed}
      allowReview
      {...(onCancel ? { onCancel } : {})}
    />
  );
}
