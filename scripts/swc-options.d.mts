export const rootDir: string;
export function swcOptions(): Record<string, unknown>;
