/** Resources global-setup started, for global-teardown (both run in jest's parent process). */
interface GlobalResources {
  stops: Array<() => Promise<void>>;
}

const KEY = Symbol.for('passerelle.test.globalResources');

export function setGlobalResources(resources: GlobalResources): void {
  (globalThis as Record<symbol, unknown>)[KEY] = resources;
}

export function takeGlobalResources(): GlobalResources {
  const resources = (globalThis as Record<symbol, unknown>)[KEY] as GlobalResources | undefined;
  return resources ?? { stops: [] };
}
