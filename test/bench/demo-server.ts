import { startDemoSources } from '@passerelle/demo';

/**
 * The demo platforms in their own process, for benchmarks: the platform being read is another
 * machine in real life, and its memory and CPU must not count as Passerelle's.
 * Prints one JSON line with what the benchmark needs, then serves until SIGTERM.
 */
const offers = Number(process.argv[2] ?? 100_000);
const demo = await startDemoSources({
  seed: 11,
  crawlDelaySeconds: 0,
  nordemploi: { count: 400, pageSize: 50 },
  jobConnexion: { count: 10, pageSize: 24 },
  franceTravail: { count: offers, region: 'mixed' },
});
process.stdout.write(
  `${JSON.stringify({
    baseUrl: demo.baseUrl,
    franceTravail: demo.franceTravail,
    nordemploi: demo.nordemploi,
    romeCodes: Object.keys(demo.fixtures.franceTravail.byRomeCode).sort(),
    departements: Object.keys(demo.fixtures.franceTravail.byDepartement).sort(),
    total: demo.fixtures.franceTravail.total,
    nordemploiIds: demo.fixtures.nordemploi.wellFormed.slice(0, 200),
  })}\n`,
);
process.once('SIGTERM', () => void demo.close().then(() => process.exit(0)));
