import './security.css';

import type { FeatureRoutes } from '../../app/feature-routes';
import { RequirePlatformRole } from '../../auth/RequireRole';
import { SECURITY_ROLES } from '../../auth/roles';
import { AlertDetailPage } from './alerts/AlertDetailPage';
import { AlertQueuePage } from './alerts/AlertQueuePage';
import { AuditLogPage } from './audit/AuditLogPage';
import { IncidentDetailPage } from './incidents/IncidentDetailPage';
import { IncidentsPage } from './incidents/IncidentsPage';
import { NewIncidentPage } from './incidents/NewIncidentPage';
import { RiskRulesPage } from './rules/RiskRulesPage';
import { SecurityLayout } from './shared/SecurityLayout';

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
          ],
        },
      ],
    },
  ],
};
