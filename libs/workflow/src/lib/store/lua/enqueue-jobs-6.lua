--[[
  Starts the workflow if it is INITIALIZED and moves ready jobs PENDING ->
  QUEUED with their resolved input, recording an 'enqueue' op in the outbox
  for each. A job whose input could not be resolved or validated goes
  PENDING -> FAILED instead, which fails the workflow.

  KEYS[1..6] see includes/workflow-core.lua
  ARGV[1] job key prefix          ARGV[2] events channel
  ARGV[3] JSON array of entries, each
            [jobId, 'ok', resolvedInputJson] or [jobId, 'invalid', errorJson, reason]

  Entries for jobs that are no longer ready (already queued by a concurrent
  call, or the workflow has ended) are skipped: calling twice is harmless.
  Returns JSON outcome (state, ready, ops, nextDeadline) + queued = n.
]]
-- @include transitions
-- @include workflow-core

if rcall('EXISTS', K_STATE) == 0 then return { -1 } end
local ids, states = load_states()
local wf = rcall('GET', K_STATE)
if wf ~= 'INITIALIZED' and wf ~= 'RUNNING' then return outcome(ids, states, { queued = 0 }) end

local ready = {}
for _, id in ipairs(ready_jobs(ids, states)) do ready[id] = true end

local workflow_id = rcall('HGET', K_META, 'id')
local queued = 0
local failed = false
for _, entry in ipairs(cjson.decode(ARGV[3])) do
  local id = entry[1]
  if ready[id] and not failed then
    local key = job_key(id)
    if entry[2] == 'ok' then
      if rcall('GET', K_STATE) == 'INITIALIZED' then move_workflow('INITIALIZED', 'RUNNING', '') end
      local queue_job_id = workflow_id .. ':' .. id .. ':' .. rcall('HGET', key, 'run')
      rcall('HSET', key, 'resolvedInput', entry[3], 'queueJobId', queue_job_id, 'queuedAt', NOW)
      move_job(states, id, 'QUEUED', '')
      push_op('enqueue', id, queue_job_id)
      queued = queued + 1
    else
      rcall('HSET', key, 'error', entry[3], 'finishedAt', NOW)
      move_job(states, id, 'FAILED', entry[4])
      fail_workflow(ids, states, id, 'job ' .. id .. ' failed: ' .. entry[4])
      failed = true
    end
  end
end

update_current(ids, states)
return outcome(ids, states, { queued = queued })
