import client from 'prom-client';
import { registry } from './registry.js';

/**
 * API_PROCESSES > 1: the children share one port, so a scrape of any one of them sees only that child's counters.
 * The primary answers METRICS_PORT with every child's registry merged (prom-client's AggregatorRegistry over the
 * cluster IPC channel): counters and histograms are summed, the gauges read from the jobs table take the maximum
 * (every child reports the same number, see jobs-gauges.ts).
 */
export function answerClusterScrapes() {
  // Constructing one installs the child's listener for the primary's requests; setRegistries names what it sends.
  new client.AggregatorRegistry();
  client.AggregatorRegistry.setRegistries([registry]);
}

/** In the primary: the merged text of every child. */
export function clusterMetricsSource(): { metrics: () => Promise<string>; contentType: string } {
  const aggregator = new client.AggregatorRegistry();
  return { metrics: () => aggregator.clusterMetrics(), contentType: aggregator.contentType };
}
