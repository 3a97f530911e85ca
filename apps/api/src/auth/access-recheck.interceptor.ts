import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { from, lastValueFrom, type Observable } from 'rxjs';
import type { RequestWithActor } from './access.guard.js';

/**
 * The answer of a `@RecheckAlongside` route: its work (validation pipes, then the handler) runs while
 * AccessGuard's re-read of the user, roles and session is in flight, and the answer waits for both.
 * A refusal is the answer as soon as it is known, whatever the work gave or is still doing (a
 * disabled user, an ended session or a role without the action never sees a result, nor a
 * validation error of the body); then the work's own error, if any; then its result.
 */
export async function afterAccess<T>(access: Promise<unknown>, work: () => Promise<T>): Promise<T> {
  let outcome: Promise<{ ok: true; value: T } | { ok: false; error: unknown }>;
  try {
    outcome = work().then(
      (value) => ({ ok: true as const, value }),
      (error: unknown) => ({ ok: false as const, error }),
    );
  } catch (error) {
    outcome = Promise.resolve({ ok: false as const, error });
  }
  await access;
  const settled = await outcome;
  if (!settled.ok) throw settled.error;
  return settled.value;
}

@Injectable()
export class AccessRecheckInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const { pendingAccess } = context.switchToHttp().getRequest<RequestWithActor>();
    if (!pendingAccess) return next.handle();
    return from(afterAccess(pendingAccess, () => lastValueFrom(next.handle(), { defaultValue: undefined })));
  }
}
