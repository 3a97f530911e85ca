import { type ArgumentsHost, Catch, type ExceptionFilter, HttpStatus } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError } from '@passerelle/core';
import { tooManyRequestsPage } from '@passerelle/mediation';
import { ApiExceptionFilter } from '../errors/api-exception.filter.js';

/**
 * The card pages are read in a browser by employers: their rate-limit refusal is a page in French
 * (still 429 with Retry-After). Every other error goes to the API's filter.
 */
@Catch(DomainError)
export class CardPageThrottleFilter implements ExceptionFilter {
  private readonly api = new ApiExceptionFilter();

  catch(exception: DomainError, host: ArgumentsHost): void {
    if (exception.kind !== 'too_many_requests') return this.api.catch(exception, host);
    const retryAfter = Number(exception.details.find((detail) => detail.field === 'retryAfterSeconds')?.reason ?? 60);
    host
      .switchToHttp()
      .getResponse<Response>()
      .status(HttpStatus.TOO_MANY_REQUESTS)
      .setHeader('Retry-After', String(retryAfter))
      .setHeader('Cache-Control', 'no-store')
      .type('html')
      .send(tooManyRequestsPage(retryAfter));
  }
}
