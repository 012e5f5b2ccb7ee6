import { defineLuaScripts } from '@base-shift/redis';
import { renderTransitionTableLua } from '../domain/transition-table';
import { LUA_SOURCES } from './lua/lua-sources.generated';

export type WorkflowScriptName =
  | 'create-workflow'
  | 'enqueue-jobs'
  | 'apply-result'
  | 'cancel-workflow'
  | 'retry-workflow'
  | 'update-job'
  | 'reconcile'
  | 'ack-outbox'
  | 'read-workflow'
  | 'delete-workflow'
  | 'backfill-retention'
  | 'forget-write-only'
  | 'claim-timers'
  | 'settle-timer';

const TRANSITIONS = /^-- @include transitions\s*$/m;

/** The store's scripts, with the transition table rendered from TypeScript into them (one state machine). */
export const WORKFLOW_SCRIPTS = defineLuaScripts<WorkflowScriptName>('workflow', LUA_SOURCES, (source) =>
  source.replace(TRANSITIONS, () => renderTransitionTableLua()),
);
