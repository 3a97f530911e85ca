import {
  AggregatorRegistry,
  Counter,
  Histogram,
  type MetricObjectWithValues,
  type MetricValue,
  Registry,
} from 'prom-client';

/**
 * The metrics this process counts itself (requests it served, jobs it ran, Meilisearch tasks it saw
 * fail). One registry per process: in the all-in-one mode API and worker share it. Every process
 * publishes it to Redis (MetricsPublisher) and `GET /metrics` on any API process adds them all up,
 * so one scrape sees the whole deployment, however many API and worker processes it runs.
 */
export const processRegistry = new Registry();

export const httpRequestDuration = new Histogram({
  name: 'passerelle_http_request_duration_seconds',
  help: 'HTTP requests served, by method, route template (never the raw URL) and status code',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [processRegistry],
});

export const workerJobs = new Counter({
  name: 'passerelle_worker_jobs_total',
  help: 'jobs a worker finished, by queue, job name and outcome (completed, failed)',
  labelNames: ['queue', 'job', 'outcome'] as const,
  registers: [processRegistry],
});

export const workerJobDuration = new Histogram({
  name: 'passerelle_worker_job_duration_seconds',
  help: 'time a worker spent on one job, by queue',
  labelNames: ['queue'] as const,
  buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300, 1800],
  registers: [processRegistry],
});

export const meiliTaskFailures = new Counter({
  name: 'passerelle_meilisearch_task_failures_total',
  help: 'Meilisearch tasks this deployment waited for that ended failed or canceled, by task type',
  labelNames: ['type'] as const,
  registers: [processRegistry],
});

export type PublishedMetrics = MetricObjectWithValues<MetricValue<string>>[];

/** Sums the published registries of several processes into one (counters and histograms add up). */
export function aggregateMetrics(published: PublishedMetrics[]): Registry {
  return AggregatorRegistry.aggregate(published);
}
