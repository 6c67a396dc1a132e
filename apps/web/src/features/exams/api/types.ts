/** The exam and payments services' answers, as the candidate pages read them (see docs/api/*.openapi.json). */

export type FormFieldKind = 'text' | 'textarea' | 'select' | 'date' | 'photo';

export interface FormField {
  key: string;
  label: string;
  kind: FormFieldKind;
  required: boolean;
  options?: string[];
  maxLength?: number;
}

export interface Venue {
  kind: 'online' | 'onsite';
  address?: string;
  link?: string;
}

/** GET /exam/exams/open and /exam/exams/:examId/notice. */
export interface ExamNotice {
  examId: string;
  institutionId: string;
  title: string;
  /** Rich text, sanitised by the exam service when stored. */
  notice: string;
  practice: boolean;
  opensAt: string;
  closesAt: string;
  registrationOpensAt: string | null;
  registrationClosesAt: string | null;
  durationMinutes: number;
  feeFen: number;
  requiresRealName: boolean;
  requiresApproval: boolean;
  seatsLeft: number | null;
  venue: Venue;
  registrationForm: FormField[];
}

/** GET /exam/exams/:examId/registration-form: the verified identity comes masked. */
export interface RegistrationForm {
  examId: string;
  requiresRealName: boolean;
  verified: boolean;
  verifiedName: string | null;
  verifiedIdNumber: string | null;
  fields: FormField[];
}

export type RegistrationStatus =
  'pending_review' | 'pending_payment' | 'confirmed' | 'rejected' | 'cancelled';

export interface Registration {
  registrationId: string;
  examId: string;
  registrationNumber: string;
  ticketNumber: string | null;
  status: RegistrationStatus;
  verifiedName: string | null;
  verifiedIdNumber: string | null;
  answers: Record<string, string>;
  feeFen: number;
  paid: boolean;
  locked: boolean;
  lockedReason: string | null;
  reviewReason: string | null;
  createdAt: string;
  confirmedAt: string | null;
  cancelledAt: string | null;
}

export type OrderStatus = 'pending' | 'paid' | 'partially_refunded' | 'refunded' | 'cancelled' | 'expired';

export interface OrderRefund {
  refundId: string;
  amountFen: number;
  status: string;
}

export interface Order {
  orderId: string;
  kind: string;
  registrationId: string | null;
  amountFen: number;
  status: OrderStatus;
  paidFen: number;
  refundedFen: number;
  expiresAt: string;
  paidAt: string | null;
  createdAt: string;
  refunds?: OrderRefund[];
}

export type PayProvider = 'wechat' | 'alipay';
export type PayMethod = 'native' | 'precreate' | 'page';

export interface Checkout {
  orderId: string;
  provider: PayProvider;
  method: PayMethod;
  /** A QR code's content (wechat native, alipay precreate). */
  codeUrl: string | null;
  /** A page to open (alipay page). */
  payUrl: string | null;
  amountFen: number;
  expiresAt: string;
}

export interface AttemptResult {
  attemptId: string;
  attemptNo: number;
  status: string;
  submittedAt: string | null;
  score: number | null;
  maxScore: number;
  passed: boolean | null;
  counted: boolean;
  reviewAvailable: boolean;
}

export interface ExamResults {
  examId: string;
  title: string;
  passScore: number;
  countedAttempt: string;
  countedAttemptId: string | null;
  score: number | null;
  maxScore: number | null;
  passed: boolean | null;
  items: AttemptResult[];
}

export interface ReviewOption {
  key: string;
  text: string;
  correct: boolean;
}

export interface CorrectAnswer {
  choice?: string;
  choices?: string[];
  truth?: boolean;
  blanks?: string[][];
  parts?: CorrectAnswer[];
}

export interface GivenAnswer {
  choice?: string;
  choices?: string[];
  truth?: boolean;
  blanks?: string[];
  text?: string;
  parts?: GivenAnswer[];
}

export interface ReviewQuestion {
  questionId: string;
  type: string;
  stem: string;
  explanation: string;
  worth: number;
  awarded: number | null;
  yourAnswer: GivenAnswer | null;
  correctAnswer: CorrectAnswer;
  options?: ReviewOption[];
}

export interface AttemptReview {
  attemptId: string;
  examId: string;
  status: string;
  score: number | null;
  maxScore: number;
  questions: ReviewQuestion[];
}

export interface Certificate {
  certificateId: string;
  examId: string;
  title: string;
  holder: string | null;
  issuedOn: string;
  score: number | null;
  maxScore: number | null;
  verificationCode: string;
  verifyUrl: string;
  revoked: boolean;
  revokedReason: string | null;
}

export interface CertificateVerification {
  valid: boolean;
  status: string;
  holder: string | null;
  title: string;
  issuedOn: string;
  revokedOn: string | null;
}
