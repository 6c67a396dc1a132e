import { createPreAuthChallenge, submitPreAuthCheck } from './face-api';
import { FaceCheckFlow } from './FaceCheckFlow';

interface Props {
  /** The face ticket from the accounts service (face sign-in, step-up or password recovery). */
  ticket: string;
  onPassed: (faceCheckToken: string) => void;
  onCancel?: () => void;
}

/** A face check before sign-in, with the ticket from accounts in place of an access token. */
export function PreAuthFaceCheck({ ticket, onPassed, onCancel }: Props) {
  return (
    <FaceCheckFlow
      requestChallenge={() => createPreAuthChallenge(ticket)}
      submit={(answer) => submitPreAuthCheck(ticket, answer)}
      onPassed={onPassed}
      allowReview={false}
      {...(onCancel ? { onCancel } : {})}
    />
  );
}
