import { type INestApplication, RequestMethod } from '@nestjs/common';

import { AllExceptionsFilter } from '../errors/all-exceptions.filter';
import { MaskingInterceptor } from '../masking';
import { requestContextMiddleware } from './request-context.middleware';
import { createValidationPipe } from './validation.pipe';

/** The HTTP edge every service shares: prefix, trace context, validation, masking, error mapping. */
export function configureHttp(app: INestApplication, service: string): void {
  app.setGlobalPrefix(`api/${service}`, {
    exclude: [
      { path: 'health/live', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
    ],
  });
  app.use(requestContextMiddleware);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalInterceptors(new MaskingInterceptor());
  app.useGlobalFilters(new AllExceptionsFilter());
}
