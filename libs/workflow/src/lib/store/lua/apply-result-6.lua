--[[
  Applies one entry of a pool's result stream. Idempotent by (queue job id,
  attempt, phase): 'started' is phase 0 of an attempt, every other outcome
  phase 1. An entry at or below the progress already applied, or of an older
  run, changes nothing, so at-least-once delivery applies each entry once,
  whatever order two consumers finish in.

  KEYS[1..6] see includes/workflow-core.lua
  ARGV[1] job key prefix   ARGV[2] events channel
  ARGV[3] job id           ARGV[4] queue job id      ARGV[5] attempt (>= 1)
  ARGV[6] 'started' | 'succeeded' | 'retrying' (the queue will retry) | 'failed' (final)
          | 'cancelled' (removed from the queue by someone else)
  ARGV[7] output JSON (succeeded) or error JSON (otherwise)
  ARGV[8] hash of ARGV[7]  ARGV[9] reason (failures)  ARGV[10] time of the event (ms) or ''

  Returns JSON outcome + applied = true|false and note ('stale' | 'duplicate'
  | 'ignored'); {-1} unknown workflow, {-2} unknown job. An applied result
  also returns job = {from, to, started, templateId, pool, queuedAt,
  startedAt, at}: what metrics need, counted once per applied entry.
]]
-- @include transitions
-- @include workflow-core

if rcall('EXISTS', K_STATE) == 0 then return { -1 } end
local id, kind = ARGV[3], ARGV[6]
local key = job_key(id)
if rcall('EXISTS', key) == 0 then return { -2 } end
local ids, states = load_states()

local known = rcall('HMGET', key, 'queueJobId', 'progress', 'timeoutSeconds')
if known[1] ~= ARGV[4] then return outcome(ids, states, { applied = false, note = 'stale' }) end
local attempt = tonumber(ARGV[5])
local progress = attempt * 2 + (kind == 'started' and 0 or 1)
if progress <= tonumber(known[2] or '0') then return outcome(ids, states, { applied = false, note = 'duplicate' }) end
rcall('HSET', key, 'progress', progress, 'attempts', attempt)
if rcall('GET', K_STATE) ~= 'RUNNING' or not in_flight(states[id]) then
  return outcome(ids, states, { applied = false, note = 'ignored' })
end

-- Walk through the states a late or skipped 'started' would have passed.
local at = ARGV[10] ~= '' and tonumber(ARGV[10]) or NOW
local was = states[id]
local started = false
if states[id] == 'RETRY_WAIT' then move_job(states, id, 'QUEUED', '', attempt) end
if states[id] == 'QUEUED' and kind ~= 'cancelled' then
  rcall('HSET', key, 'startedAt', at)
  local timeout = tonumber(known[3] or '')
  if timeout then rcall('HSET', key, 'deadlineAt', at + timeout * 1000) end
  started = move_job(states, id, 'RUNNING', '', attempt)
end

if kind == 'succeeded' then
  rcall('HSET', key, 'output', ARGV[7], 'resultHash', ARGV[8], 'finishedAt', NOW)
  rcall('HDEL', key, 'error', 'deadlineAt')
  move_job(states, id, 'SUCCEEDED', '', attempt)
  complete_if_done(ids, states)
elseif kind == 'retrying' then
  rcall('HSET', key, 'error', ARGV[7])
  rcall('HDEL', key, 'deadlineAt')
  move_job(states, id, 'RETRY_WAIT', ARGV[9], attempt)
elseif kind == 'failed' or kind == 'cancelled' then
  local to = kind == 'failed' and 'FAILED' or 'CANCELLED'
  rcall('HSET', key, 'error', ARGV[7], 'resultHash', ARGV[8], 'finishedAt', NOW)
  rcall('HDEL', key, 'deadlineAt')
  move_job(states, id, to, ARGV[9], attempt)
  fail_workflow(ids, states, id, 'job ' .. id .. ' ' .. (kind == 'failed' and 'failed' or 'was cancelled in the queue') .. ': ' .. ARGV[9])
end

update_current(ids, states)
local facts = rcall('HMGET', key, 'templateId', 'pool', 'queuedAt', 'startedAt')
local job = {
  from = was, to = states[id], started = started, templateId = facts[1], pool = facts[2],
  queuedAt = tonumber(facts[3] or ''), startedAt = tonumber(facts[4] or ''), at = at,
}
return outcome(ids, states, { applied = true, job = job })
