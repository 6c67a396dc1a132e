import './security.css';

import type { FeatureRoutes } from '../../app/feature-routes';
import { RequirePlatformRole } from '../../auth/RequireRole';
import { SECURITY_ROLES } from '../../auth/roles';
import { AlertDetailPage } from './alerts/AlertDetailPage';
import { AlertQueuePage } from './alerts/AlertQueuePage';
import { LoginAppealsPage } from './appeals/LoginAppealsPage';
import { RealNameAppealDetailPage } from './appeals/RealNameAppealDetailPage';
import { RealNameAppealsPage } from './appeals/RealNameAppealsPage';
import { AuditLogPage } from './audit/AuditLogPage';
import { IncidentDetailPage } from './incidents/IncidentDetailPage';
import { IncidentsPage } from './incidents/IncidentsPage';
import { NewIncidentPage } from './incidents/NewIncidentPage';
import { PrivacyRequestsPage } from './privacy-requests/PrivacyRequestsPage';
import { RiskRulesPage } from './rules/RiskRulesPage';
import { SecurityLayout } from './shared/SecurityLayout';
import { StatementRunsPage } from './statements/StatementRunsPage';

/** Pages on APIs only platform admins may call. */
const ADMIN_ONLY = ['platform_admin'] as const;

/** The security console, for security analysts and platform admins only (the pages and the API both refuse others). */
export const securityRoutes: FeatureRoutes = {
  signedIn: [
    {
      element: <RequirePlatformRole roles={SECURITY_ROLES} />,
      children: [
        {
          element: <SecurityLayout />,
          children: [
            { path: 'security', element: <AlertQueuePage /> },
            { path: 'security/alerts/:id', element: <AlertDetailPage /> },
            { path: 'security/audit', element: <AuditLogPage /> },
            { path: 'security/incidents', element: <IncidentsPage /> },
            { path: 'security/incidents/new', element: <NewIncidentPage /> },
            { path: 'security/incidents/:id', element: <IncidentDetailPage /> },
            { path: 'security/rules', element: <RiskRulesPage /> },
            { path: 'security/login-appeals', element: <LoginAppealsPage /> },
            {
              element: <RequirePlatformRole roles={ADMIN_ONLY} />,
              children: [
                { path: 'security/real-name-appeals', element: <RealNameAppealsPage /> },
                { path: 'security/real-name-appeals/:id', element: <RealNameAppealDetailPage /> },
                { path: 'security/privacy-requests', element: <PrivacyRequestsPage /> },
                { path: 'security/statements', element: <StatementRunsPage /> },
              ],
            },
          ],
        },
      ],
    },
  ],
};
