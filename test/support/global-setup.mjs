// Jest loads global setup outside its ES module runtime, so it cannot resolve our `.js` imports of
// TypeScript files. We build dist/ first (spawned-process tests need it anyway) and run the built setup.
import { build } from '../../scripts/build.mjs';

export default async function globalSetup() {
  await build({ quiet: true });
  const { globalSetup: setup } = await import('../../dist/test/support/global-setup.js');
  await setup();
}
