// What `GET /metrics` exposes: events by status and the queue depth (read from the queue at scrape time,
// so they are true across restarts and processes), submissions by result, and step run durations.

import { EVENT_STATUSES, type EventQueue } from '../../core/events/index.ts';
import { braces, createHistogram, labelText } from './histogram.ts';

export interface RuntimeMetrics {
  /** One submission: accepted (new), duplicate (same id again) or rejected (4xx). */
  countSubmission(result: 'accepted' | 'duplicate' | 'rejected'): void;
  observeStep(outcome: string, durationMs: number): void;
  render(queue: EventQueue): Promise<string>;
}

export function createRuntimeMetrics(): RuntimeMetrics {
  const submissions = new Map<string, number>();
  const stepDurations = createHistogram({ name: 'joinery_step_duration_seconds', help: 'Wall time of one function run by a worker, by outcome.' });
  return {
    countSubmission: (result) => void submissions.set(result, (submissions.get(result) ?? 0) + 1),
    observeStep: (outcome, durationMs) => stepDurations.observe({ outcome }, durationMs / 1000),
    async render(queue) {
      const counts = await queue.countByStatus();
      const lines = [
        '# HELP joinery_events Events in the queue by status.',
        '# TYPE joinery_events gauge',
        ...EVENT_STATUSES.map((status) => `joinery_events${braces(labelText({ status }))} ${counts[status]}`),
        '# HELP joinery_queue_depth Events waiting to run (queued, due or backing off).',
        '# TYPE joinery_queue_depth gauge',
        `joinery_queue_depth ${counts.queued}`,
        '# HELP joinery_event_submissions_total Event submissions since start, by result.',
        '# TYPE joinery_event_submissions_total counter',
        ...[...submissions].map(([result, count]) => `joinery_event_submissions_total${braces(labelText({ result }))} ${count}`),
        ...stepDurations.render(),
      ];
      return lines.join('\n') + '\n';
    },
  };
}
