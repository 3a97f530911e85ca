import type { Request } from 'express';
import type { ResolvedConfig } from '@passerelle/core';

/**
 * The address links sent out of Passerelle (to employers, to the people followed, in calendar
 * feeds) start with: PUBLIC_URL when it is set, as it must be in production, else the host the
 * staff member's own request came to (development and the demo, where there is no public name).
 */
export function publicBaseUrl(config: ResolvedConfig, request: Request): string {
  return config.publicUrl?.toString() ?? `${request.protocol}://${request.get('host') ?? 'localhost'}`;
}
