--[[
  Cancels a workflow: INITIALIZED | RUNNING -> CANCELLED, PENDING jobs ->
  CANCELLED, jobs in flight -> CANCELLED with a 'cancel' op in the outbox (the
  engine removes queued jobs; a leased one learns it on its next heartbeat).

  KEYS[1..6] see includes/workflow-core.lua
  ARGV[1] job key prefix   ARGV[2] events channel   ARGV[3] reason

  Returns JSON outcome + changed; already CANCELLED = changed false (a repeat
  is harmless); {-1} unknown workflow; {-4, from, 'CANCELLED'} illegal move.
]]
-- @include transitions
-- @include workflow-core

if rcall('EXISTS', K_STATE) == 0 then return { -1 } end
local ids, states = load_states()
local wf = rcall('GET', K_STATE)
if wf == 'CANCELLED' then return outcome(ids, states, { changed = false }) end
if not WORKFLOW_NEXT[wf]['CANCELLED'] then return { -4, wf, 'CANCELLED' } end

move_workflow(wf, 'CANCELLED', ARGV[3])
close_open_jobs(ids, states, ARGV[3], 'CANCELLED')
return outcome(ids, states, { changed = true })
