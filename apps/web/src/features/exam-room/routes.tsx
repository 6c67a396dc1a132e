import type { FeatureRoutes } from '../../app/feature-routes';
import { ExamRoomPage } from './ExamRoomPage';

export const examRoomRoutes: FeatureRoutes = {
  bare: [{ path: 'exam-room/:examId', element: <ExamRoomPage /> }],
};
