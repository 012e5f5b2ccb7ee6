// What the signed-in key may read. The API has no call that tells a key's
// scopes, so one cheap read per area finds out: a 403 means the scope is
// missing, anything else leaves the area offered (a page then shows its own
// error). Dead letters need `admin`, which covers every scope — so they are
// probed only when every other area answered, and denied as soon as one did not.
import { ProblemError, required, type BaseShiftClient } from '@base-shift/client';

export type Area = 'workflows' | 'templates' | 'pools' | 'deadLetters';
export type AreaAccess = 'allowed' | 'denied' | 'unknown';
export type Access = Record<Area, AreaAccess>;

/** Scope each area needs, for the message on a denied page. */
export const AREA_SCOPE: Record<Area, string> = { workflows: 'workflows:read', templates: 'templates:read', pools: 'pools:read', deadLetters: 'admin' };

export const UNKNOWN_ACCESS: Access = { workflows: 'unknown', templates: 'unknown', pools: 'unknown', deadLetters: 'unknown' };

export function accessOf(outcome: PromiseSettledResult<unknown>): AreaAccess {
  if (outcome.status === 'fulfilled') return 'allowed';
  return outcome.reason instanceof ProblemError && outcome.reason.status === 403 ? 'denied' : 'unknown';
}

/** Dead letters from the other areas and, when it ran, their own probe. */
export function deadLetterAccess(others: readonly AreaAccess[], probe: PromiseSettledResult<unknown> | undefined): AreaAccess {
  if (others.includes('denied')) return 'denied';
  return probe ? accessOf(probe) : 'unknown';
}

export async function probeAccess(client: BaseShiftClient, signal?: AbortSignal): Promise<Access> {
  const [workflows, templates, pools] = await Promise.allSettled([
    (async () => required(await client.rest.GET('/workflows', { params: { query: { limit: 1 } }, ...(signal && { signal }) })))(),
    (async () => client.templates.list({ first: 1 }))(),
    (async () => required(await client.rest.GET('/pools', { ...(signal && { signal }) })))(),
  ]);
  const areas = { workflows: accessOf(workflows), templates: accessOf(templates), pools: accessOf(pools) };
  const firstPool = pools.status === 'fulfilled' ? pools.value.pools[0]?.name : undefined;
  const others = Object.values(areas);
  const probe =
    firstPool && !others.includes('denied')
      ? (
          await Promise.allSettled([
            client.rest
              .GET('/pools/{pool}/dead-letters', { params: { path: { pool: firstPool }, query: { limit: 1 } }, ...(signal && { signal }) })
              .then(required),
          ])
        )[0]
      : undefined;
  return { ...areas, deadLetters: deadLetterAccess(others, probe) };
}
