--[[
  Re-runs a FAILED workflow from its failed job(s): FAILED -> RUNNING, and
  every FAILED / TIMED_OUT / CANCELLED job -> PENDING with a new run number
  (so results of the old run are recognised as stale). SUCCEEDED jobs keep
  their output. The workflow deadline, if any, starts again.

  KEYS[1..6] see includes/workflow-core.lua
  ARGV[1] job key prefix   ARGV[2] events channel

  Returns JSON outcome (ready = jobs to enqueue now); {-1} unknown workflow;
  {-4, from, 'RUNNING'} when the workflow is not FAILED.
]]
-- @include transitions
-- @include workflow-core

if rcall('EXISTS', K_STATE) == 0 then return { -1 } end
local ids, states = load_states()
local wf = rcall('GET', K_STATE)
if wf ~= 'FAILED' then return { -4, wf, 'RUNNING' } end

move_workflow('FAILED', 'RUNNING', 'retry requested')
local timeout = tonumber(rcall('HGET', K_META, 'timeoutSeconds') or '')
if timeout then rcall('HSET', K_META, 'deadlineAt', NOW + timeout * 1000) end
for _, id in ipairs(ids) do
  local state = states[id]
  if state == 'FAILED' or state == 'TIMED_OUT' or state == 'CANCELLED' then
    local key = job_key(id)
    rcall('HINCRBY', key, 'run', 1)
    rcall('HDEL', key, 'error', 'output', 'resultHash', 'resolvedInput', 'queueJobId', 'queuedAt', 'startedAt', 'finishedAt', 'deadlineAt', 'progress', 'external')
    rcall('HSET', key, 'attempts', 0)
    move_job(states, id, 'PENDING', 'retry requested')
  end
end
return outcome(ids, states, { changed = true })
