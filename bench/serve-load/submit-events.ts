// `clients` concurrent clients, each POSTing its share of the events to /v1/events. The target URL can
// change under them (a restarted server): a refused or dropped request is retried, bounded, since the
// event id makes a repeated submission harmless.

export interface SubmitTarget {
  url: string;
  token: string;
}

const MAX_TRIES = 600;
const RETRY_DELAY_MS = 100;

/** Resolves with each event's submission time (ms since the epoch, when its POST was first sent). */
export async function submitEvents({ events, clients, target }: { events: ReadonlyArray<{ id: string }>; clients: number; target: SubmitTarget }): Promise<Map<string, number>> {
  const submittedAt = new Map<string, number>();
  let next = 0;
  const client = async () => {
    for (let index = next++; index < events.length; index = next++) {
      const event = events[index];
      if (event === undefined) continue;
      submittedAt.set(event.id, Date.now());
      await post(event, target);
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  return submittedAt;
}

async function post(event: { id: string }, target: SubmitTarget): Promise<void> {
  let lastProblem = '';
  for (let tries = 0; tries < MAX_TRIES; tries += 1) {
    try {
      const response = await fetch(`${target.url}/v1/events`, {
        method: 'POST',
        headers: { authorization: `Bearer ${target.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(event),
        signal: AbortSignal.timeout(10_000),
      });
      await response.text();
      if (response.status === 202 || response.status === 200) return;
      lastProblem = `HTTP ${response.status}`;
      if (response.status < 500 && response.status !== 429) throw new Error(`event ${event.id} refused: ${lastProblem}`);
    } catch (error) {
      if (error instanceof Error && error.message.includes('refused: HTTP')) throw error;
      lastProblem = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
  }
  throw new Error(`event ${event.id} was not accepted after ${MAX_TRIES} tries: ${lastProblem}`);
}
