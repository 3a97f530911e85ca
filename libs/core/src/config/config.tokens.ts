/** Injection token of the validated, resolved configuration (`ResolvedConfig`). */
export const APP_CONFIG = Symbol('APP_CONFIG');
