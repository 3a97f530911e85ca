export default async function globalTeardown() {
  const { globalTeardown: teardown } = await import('../../dist/test/support/global-teardown.js');
  await teardown();
}
