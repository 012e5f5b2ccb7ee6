export { EgressAllowList } from './lib/egress/egress-allow-list';

export { ExecutorAgent } from './lib/agent/executor-agent';
