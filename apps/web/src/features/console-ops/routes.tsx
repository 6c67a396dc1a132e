import type { RouteObject } from 'react-router';

/**
 * Operations pages of the institution console, mounted under /console/:institutionId by
 * features/console/routes.tsx: proctoring board, marking, results and statistics, payments.
 */
export const consoleOpsRoutes: RouteObject[] = [];
