import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import {
  type CoreErrorCode,
  DomainError,
  type DomainErrorKind,
  type ErrorDetail,
  redactRequestUrl,
} from '@passerelle/core';
import type { ErrorResponse } from './error-body.js';
import { RequestValidationError } from './validation.js';

/** The HTTP status of each kind of domain error (the catalogues of codes name kinds, not statuses). */
export const STATUS_BY_KIND: Readonly<Record<DomainErrorKind, number>> = {
  bad_request: HttpStatus.BAD_REQUEST,
  invalid: HttpStatus.UNPROCESSABLE_ENTITY,
  not_found: HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  forbidden: HttpStatus.FORBIDDEN,
  unauthenticated: HttpStatus.UNAUTHORIZED,
  too_large: HttpStatus.PAYLOAD_TOO_LARGE,
  too_many_requests: HttpStatus.TOO_MANY_REQUESTS,
  unavailable: HttpStatus.SERVICE_UNAVAILABLE,
};

const REASON: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** What body-parser throws for a body over the limit or malformed JSON. */
interface BodyParserError {
  readonly type: string;
  readonly status: number;
  readonly limit?: number;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  return (
    typeof error === 'object' &&
    error !== null &&
    'type' in error &&
    'status' in error &&
    typeof (error as { type: unknown }).type === 'string'
  );
}

/**
 * The one place errors become HTTP: domain errors by kind, validation with each field at fault,
 * body-parser refusals, and anything unexpected as a 500 that leaks no stack.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const context = host.switchToHttp();
    const response = context.getResponse<Response>();
    const request = context.getRequest<Request>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500) {
      this.logger.error({ err: exception, url: redactRequestUrl(request.originalUrl) }, 'unexpected error');
    }
    if (exception instanceof DomainError && exception.kind === 'too_many_requests') {
      const retryAfter = exception.details.find((detail) => detail.field === 'retryAfterSeconds')?.reason;
      if (retryAfter) response.setHeader('Retry-After', retryAfter);
    }
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ErrorResponse {
    const make = (
      statusCode: number,
      message: string,
      details: readonly ErrorDetail[] = [],
      code?: string,
    ): ErrorResponse => ({
      statusCode,
      error: REASON[statusCode] ?? 'Error',
      message,
      ...(code ? { code } : {}),
      details: details.map((detail) => ({ field: detail.field, reason: detail.reason })),
    });
    if (exception instanceof DomainError) {
      const details = exception.kind === 'too_many_requests' ? [] : exception.details;
      return make(STATUS_BY_KIND[exception.kind], exception.message, details, exception.code);
    }
    if (exception instanceof RequestValidationError) return make(400, 'the request is not valid', exception.details);
    // Nest wraps body-parser's refusals in an HttpException; the original says what was wrong.
    const bodyError = isBodyParserError(exception)
      ? exception
      : exception instanceof HttpException && isBodyParserError(exception.cause)
        ? exception.cause
        : undefined;
    if (bodyError) {
      if (bodyError.type === 'entity.too.large') {
        return make(
          413,
          `the request body is larger than ${bodyError.limit ?? 'the limit'} bytes`,
          [],
          'request.too_large' satisfies CoreErrorCode,
        );
      }
      if (bodyError.type === 'entity.parse.failed') {
        return make(
          400,
          'the request body is not valid JSON',
          [{ field: 'body', reason: 'malformed JSON' }],
          'request.malformed' satisfies CoreErrorCode,
        );
      }
      return make(
        bodyError.status >= 400 && bodyError.status < 500 ? bodyError.status : 400,
        'the request body could not be read',
      );
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const payload = exception.getResponse();
      const message =
        typeof payload === 'object' && payload !== null && 'message' in payload && typeof payload.message === 'string'
          ? payload.message
          : exception.message;
      return make(status, message);
    }
    return make(500, 'something went wrong on our side; the incident is logged');
  }
}
