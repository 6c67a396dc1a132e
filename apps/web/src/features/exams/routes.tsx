import './exams.css';

import type { FeatureRoutes } from '../../app/feature-routes';
import { ExamCataloguePage } from './pages/ExamCataloguePage';
import { ExamDetailPage } from './pages/ExamDetailPage';
import { MyExamsPage } from './pages/MyExamsPage';
import { PaymentPage } from './pages/PaymentPage';
import { RegisterPage } from './pages/RegisterPage';
import { RegistrationPage } from './pages/RegistrationPage';
import { ResultsPage } from './pages/ResultsPage';
import { ReviewPage } from './pages/ReviewPage';
import { VerifyCertificatePage } from './pages/VerifyCertificatePage';

export const examsRoutes: FeatureRoutes = {
  public: [
    { path: 'exams', element: <ExamCataloguePage /> },
    { path: 'exams/:examId', element: <ExamDetailPage /> },
    { path: 'certificates/verify', element: <VerifyCertificatePage /> },
    { path: 'certificates/verify/:code', element: <VerifyCertificatePage /> },
  ],
  signedIn: [
    { path: 'exams/:examId/register', element: <RegisterPage /> },
    { path: 'my/exams', element: <MyExamsPage /> },
    { path: 'my/exams/:registrationId', element: <RegistrationPage /> },
    { path: 'my/exams/:registrationId/payment', element: <PaymentPage /> },
    { path: 'my/results/:examId', element: <ResultsPage /> },
    { path: 'my/attempts/:attemptId/review', element: <ReviewPage /> },
  ],
};
