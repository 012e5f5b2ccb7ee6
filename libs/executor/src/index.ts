export { EgressAllowList } from './lib/egress/egress-allow-list';
export { ConnectTo } from './lib/egress/connect-to';

export { ExecutorAgent } from './lib/agent/executor-agent';
