/** The most common passwords (from leaked password dumps), lower case: a chosen password must not be one. */
export abstract class CommonPasswords {
  abstract list(): Promise<ReadonlySet<string>>;
}
