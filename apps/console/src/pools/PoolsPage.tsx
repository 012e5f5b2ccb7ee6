// Every executor pool with its live queue counts and the autoscaler's last
// decision, refreshed every two seconds.
import { required } from '@base-shift/client';
import { Link } from 'react-router-dom';
import { useClient } from '../auth/auth-context';
import { AsyncSection } from '../ui/AsyncSection';
import { DataTable } from '../ui/DataTable';
import { EmptyState } from '../ui/feedback';
import { useAsync } from '../ui/use-async';
import { Autoscaler, unappliedResults, waitText } from './pool-facts';

export function PoolsPage() {
  const client = useClient();
  const pools = useAsync((signal) => client.rest.GET('/pools', { signal }).then(required), [client], 2000);
  return (
    <>
      <div className="page-head">
        <h1>Pools</h1>
        {pools.data && <span className="muted">Pod driver: {pools.data.driver ?? 'off (pod management disabled)'}</span>}
      </div>
      <AsyncSection
        state={pools}
        what="pools"
        isEmpty={(data) => data.pools.length === 0}
        empty={<EmptyState title="No pools">The control plane has no executor pool configured.</EmptyState>}
      >
        {(data) => (
          <DataTable
            label="Pools"
            card
            columns={[
              'Pool',
              { label: 'Queued', numeric: true },
              { label: 'Leased', numeric: true },
              { label: 'Delayed', numeric: true },
              { label: 'Dead', numeric: true },
              'Oldest wait',
              { label: 'Unapplied results', numeric: true },
              'Autoscaler',
            ]}
          >
            {data.pools.map((pool) => (
              <tr key={pool.name}>
                <td>
                  <Link to={`/pools/${encodeURIComponent(pool.name)}`}>{pool.name}</Link>
                  <div className="muted small">
                    {pool.minPods}–{pool.maxPods} pods × {pool.jobsPerPod} jobs
                  </div>
                </td>
                <td className="num">{pool.queue.queued}</td>
                <td className="num">{pool.queue.inFlight}</td>
                <td className="num">{pool.queue.delayed}</td>
                <td className="num">{pool.queue.dead > 0 ? <Link to={`/dead-letters?pool=${encodeURIComponent(pool.name)}`}>{pool.queue.dead}</Link> : 0}</td>
                <td>{waitText(pool.queue.oldestWaitSeconds)}</td>
                <td className="num">{unappliedResults(pool) ?? '—'}</td>
                <td>
                  <Autoscaler pool={pool} />
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </AsyncSection>
    </>
  );
}
