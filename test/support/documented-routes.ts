import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface DocumentedRoute {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** With `:name` placeholders for path parameters, e.g. `/api/audit/alerts/:id`. */
  readonly path: string;
}

const ROUTE_ROW = /^\| (GET|POST|PUT|PATCH|DELETE) \| \[`([^`]+)`\]/;

/**
 * Every route of a service, read from its generated API reference (docs/api/<service>.md). That file is
 * generated from the controllers and test/docs fails when it is stale, so this is the service's real surface.
 */
export function documentedRoutes(service: string): DocumentedRoute[] {
  const text = readFileSync(join(__dirname, '..', '..', 'docs', 'api', `${service}.md`), 'utf8');
  const routes: DocumentedRoute[] = [];
  for (const line of text.split('\n')) {
    const match = ROUTE_ROW.exec(line);
    if (match !== null) routes.push({ method: match[1] as DocumentedRoute['method'], path: match[2] });
  }
  return routes;
}

/** The path with every `:name` placeholder replaced by `value` (URL-encoded). */
export function fillPath(path: string, value: string): string {
  return path.replace(/:[A-Za-z]+/g, encodeURIComponent(value));
}
