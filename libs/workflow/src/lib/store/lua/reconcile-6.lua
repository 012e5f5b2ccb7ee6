--[[
  Looks at a workflow when its timer fires: enforces the workflow deadline
  (-> FAILED, jobs in flight -> TIMED_OUT, PENDING -> CANCELLED) and job
  deadlines (job -> TIMED_OUT, workflow -> FAILED), then reports what is
  ready and what the outbox still holds, so an interrupted step is finished.

  KEYS[1..6] see includes/workflow-core.lua
  ARGV[1] job key prefix   ARGV[2] events channel

  Returns JSON outcome; {-1} unknown workflow.
]]
-- @include transitions
-- @include workflow-core

if rcall('EXISTS', K_STATE) == 0 then return { -1 } end
local ids, states = load_states()
local wf = rcall('GET', K_STATE)
if wf == 'INITIALIZED' or wf == 'RUNNING' then
  local deadline = tonumber(rcall('HGET', K_META, 'deadlineAt') or '')
  if deadline and deadline <= NOW then
    local reason = 'workflow timed out after ' .. rcall('HGET', K_META, 'timeoutSeconds') .. ' s'
    move_workflow(wf, 'FAILED', reason)
    close_open_jobs(ids, states, reason, 'TIMED_OUT')
  else
    for _, id in ipairs(ids) do
      local key = job_key(id)
      local at = tonumber(rcall('HGET', key, 'deadlineAt') or '')
      if in_flight(states[id]) and at and at <= NOW then
        local reason = 'job ' .. id .. ' timed out after ' .. rcall('HGET', key, 'timeoutSeconds') .. ' s'
        local queue_job_id = rcall('HGET', key, 'queueJobId')
        if queue_job_id and queue_job_id ~= '' then push_op('cancel', id, queue_job_id) end
        rcall('HSET', key, 'finishedAt', NOW)
        move_job(states, id, 'TIMED_OUT', reason)
        fail_workflow(ids, states, id, reason)
        break
      end
    end
  end
end
update_current(ids, states)
return outcome(ids, states, {})
