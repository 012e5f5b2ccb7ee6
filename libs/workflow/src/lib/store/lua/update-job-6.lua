--[[
  A job status set through the API (external systems, manual intervention).
  The job leaves the queue's hands: its queue job, if any, gets a 'cancel' op
  and later results for it are stale. Repeating the same update is a no-op.

  KEYS[1..6] see includes/workflow-core.lua
  ARGV[1] job key prefix   ARGV[2] events channel
  ARGV[3] job id           ARGV[4] status: RUNNING | SUCCEEDED | FAILED
  ARGV[5] output JSON (SUCCEEDED) or error JSON (FAILED) or ''
  ARGV[6] hash of ARGV[5] or ''
  ARGV[7] expected current attempt or ''   ARGV[8] failure reason

  Returns JSON outcome + changed; {-1} unknown workflow; {-2} unknown job;
  {-5, jobId, from, to} illegal move; {-6, jobId, given, current} stale
  attempt; {-7, jobId, state} same final status with another result.
]]
-- @include transitions
-- @include workflow-core

if rcall('EXISTS', K_STATE) == 0 then return { -1 } end
local id, status = ARGV[3], ARGV[4]
local key = job_key(id)
if rcall('EXISTS', key) == 0 then return { -2 } end
local ids, states = load_states()
local state = states[id]
local attempts = tonumber(rcall('HGET', key, 'attempts') or '0')
if ARGV[7] ~= '' and tonumber(ARGV[7]) ~= attempts then return { -6, id, ARGV[7], attempts } end

if state == status then
  if ARGV[6] ~= '' and (status == 'SUCCEEDED' or status == 'FAILED') and rcall('HGET', key, 'resultHash') ~= ARGV[6] then
    return { -7, id, state }
  end
  return outcome(ids, states, { changed = false })
end
if not JOB_NEXT[state][status] then return { -5, id, state, status } end

local queue_job_id = rcall('HGET', key, 'queueJobId')
if queue_job_id and queue_job_id ~= '' then
  push_op('cancel', id, queue_job_id)
  rcall('HSET', key, 'queueJobId', '')
end
rcall('HSET', key, 'external', 1)

if status == 'RUNNING' then
  attempts = attempts + 1
  rcall('HSET', key, 'startedAt', NOW, 'attempts', attempts)
  local timeout = tonumber(rcall('HGET', key, 'timeoutSeconds') or '')
  if timeout then rcall('HSET', key, 'deadlineAt', NOW + timeout * 1000) end
  move_job(states, id, 'RUNNING', 'set through the API', attempts)
elseif status == 'SUCCEEDED' then
  rcall('HSET', key, 'output', ARGV[5], 'resultHash', ARGV[6], 'finishedAt', NOW)
  rcall('HDEL', key, 'error', 'deadlineAt')
  move_job(states, id, 'SUCCEEDED', 'set through the API', attempts)
  complete_if_done(ids, states)
else
  rcall('HSET', key, 'error', ARGV[5], 'resultHash', ARGV[6], 'finishedAt', NOW)
  rcall('HDEL', key, 'deadlineAt')
  move_job(states, id, 'FAILED', ARGV[8], attempts)
  fail_workflow(ids, states, id, 'job ' .. id .. ' failed: ' .. ARGV[8])
end

update_current(ids, states)
return outcome(ids, states, { changed = true })
