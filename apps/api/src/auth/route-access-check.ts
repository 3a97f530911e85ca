import type { INestApplication } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { PATH_METADATA } from '@nestjs/common/constants.js';
import { ACCESS_METADATA } from './access.decorators.js';

/**
 * Refuses to start when a controller route has no access rule: forgetting @RequireAction must be
 * a failed deployment, not an open endpoint (the guard would still deny it at run time).
 */
export function assertEveryRouteHasAnAccessRule(app: INestApplication): void {
  const discovery = app.get(DiscoveryService);
  const scanner = app.get(MetadataScanner);
  const reflector = app.get(Reflector);
  const missing: string[] = [];
  for (const wrapper of discovery.getControllers()) {
    const instance = wrapper.instance as Record<string, unknown> | undefined;
    if (!instance || !wrapper.metatype) continue;
    const classRule: unknown = reflector.get(ACCESS_METADATA, wrapper.metatype);
    for (const name of scanner.getAllMethodNames(Object.getPrototypeOf(instance) as object)) {
      const handler = instance[name];
      if (typeof handler !== 'function') continue;
      const isRoute = Reflect.getMetadata(PATH_METADATA, handler) !== undefined;
      if (isRoute && !classRule && !reflector.get(ACCESS_METADATA, handler)) missing.push(`${wrapper.name}.${name}`);
    }
  }
  if (missing.length > 0) throw new Error(`routes without an access rule: ${missing.join(', ')}`);
}
