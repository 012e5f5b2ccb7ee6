/**
 * Workflows as a client sees them: POST /workflows, then follow
 * GET /workflows/<id>/events (Server-Sent Events) until the control plane ends
 * the stream, which it does once the workflow is COMPLETED, FAILED or
 * CANCELLED. The time from before the POST to the stream's end is the
 * create → COMPLETED latency a client observes; no polling, and the control
 * plane's CPU for serving the stream is part of what is measured.
 */
import type { Phase } from '../../lib/deadline';

export interface ControlPlaneClient {
  base: string;
  adminKey: string;
}

/** Creates one workflow and resolves when the client has seen it COMPLETED: the milliseconds it took, and those of the POST alone. */
export async function createAndAwaitCompleted(client: ControlPlaneClient, body: string, phase: Phase): Promise<{ ms: number; createMs: number }> {
  const auth = { authorization: `Bearer ${client.adminKey}` };
  const t0 = performance.now();
  const created = await fetch(`${client.base}/workflows`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body,
    signal: phase.signal,
  });
  const json = (await created.json()) as { id?: string };
  if (created.status !== 201 || !json.id) throw new Error(`create failed (${created.status}): ${JSON.stringify(json)}`);
  const createMs = performance.now() - t0;
  const events = await fetch(`${client.base}/workflows/${json.id}/events`, { headers: { ...auth, accept: 'text/event-stream' }, signal: phase.signal });
  if (events.status !== 200) throw new Error(`events of ${json.id}: ${events.status}`);
  // The stream ends at the terminal transition: reading it to the end is waiting for it.
  const text = await events.text();
  const ms = performance.now() - t0;
  if (!text.includes('"COMPLETED"') || /"(FAILED|CANCELLED)"/.test(text)) throw new Error(`workflow ${json.id} did not complete: ${text.slice(-300)}`);
  return { ms, createMs };
}

/**
 * `count` workflows through `inFlight` client loops, each creating a workflow
 * and waiting for its completion before the next (closed loop: exactly
 * `inFlight` workflows in flight). Returns workflows/s over the whole run and
 * every workflow's create → COMPLETED latency (and its POST's alone).
 */
export async function completeInFlight(client: ControlPlaneClient, body: string, count: number, inFlight: number, phase: Phase) {
  const latencies: number[] = [];
  const createLatencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(inFlight, count) }, async () => {
      while (next < count) {
        phase.signal.throwIfAborted();
        next++;
        const { ms, createMs } = await createAndAwaitCompleted(client, body, phase);
        latencies.push(ms);
        createLatencies.push(createMs);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { seconds, workflowsPerSecond: count / seconds, latencies, createLatencies };
}
