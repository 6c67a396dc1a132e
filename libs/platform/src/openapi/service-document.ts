import { join } from 'node:path';

import type { INestApplication } from '@nestjs/common';

import { serviceErrorCatalogue } from './error-catalogue';
import { buildOpenApiDocument, type OpenApiDocument } from './openapi-document';
import { sourceDescriptions } from './source-docs';

/** The repository root from sources (`libs/platform/src/openapi`), or `dist` in a build: `apps/<service>/src` is below both. */
export const REPOSITORY_ROOT = join(__dirname, '..', '..', '..', '..');

/** The path each service serves its document at (through the gateway as well). */
export function openApiPath(service: string): string {
  return `/api/${service}/openapi.json`;
}

const API_VERSION = '1.0';

/**
 * One service's OpenAPI document, the same for the generator script (docs/api) and the running service: routes
 * from the app, error codes from the platform's and the app's tables, descriptions from the JSDoc of the sources
 * when they are at hand.
 */
export async function serviceOpenApiDocument(
  app: INestApplication,
  service: string,
  root: string = REPOSITORY_ROOT,
): Promise<OpenApiDocument> {
  const [descriptions, errorCodes] = await Promise.all([
    sourceDescriptions(root, [join('apps', service, 'src'), join('libs', 'platform', 'src')]),
    serviceErrorCatalogue(root, service),
  ]);
  return buildOpenApiDocument(app, {
    service,
    documentPath: openApiPath(service),
    errorCodes,
    version: API_VERSION,
    ...(descriptions ? { descriptions } : {}),
  });
}
