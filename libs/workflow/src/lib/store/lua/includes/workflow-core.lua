--[[
  Helpers shared by every script that changes one workflow. Included after
  the generated transition table (WORKFLOW_NEXT / JOB_NEXT).

  Every including script takes the same first KEYS and ARGV:
    KEYS[1] workflow:{id}:state       KEYS[4] workflow:{id}:meta
    KEYS[2] workflow:{id}:currentJob  KEYS[5] workflow:{id}:history
    KEYS[3] workflow:{id}:jobs        KEYS[6] workflow:{id}:outbox
    ARGV[1] job key prefix (workflow:{id}:job:), same hash tag as the KEYS
    ARGV[2] events channel
  Helpers check before they write: a script never stops half-way on a refusal.

  Retention: when a call leaves the workflow in a final state, every key of its
  hash tag expires meta.retentionSeconds after the move (meta.expiresAt); a
  move back to RUNNING (retry) keeps them again. Done in outcome(), after
  every write of the call, because SET clears a key's expiry.
]]
local rcall = redis.call
local K_STATE, K_CURRENT, K_JOBS, K_META, K_HISTORY, K_OUTBOX = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6]
local JOB_PREFIX, CHANNEL = ARGV[1], ARGV[2]

-- One clock for every replica: Redis's.
local NOW = (function()
  local t = rcall('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end)()

local function job_key(id)
  return JOB_PREFIX .. id
end

local FINAL = { COMPLETED = true, FAILED = true, CANCELLED = true }

local function record(kind, job_id, from, to, reason, attempt)
  local entry = { seq = rcall('HINCRBY', K_META, 'seq', 1), at = NOW, kind = kind, from = from, to = to }
  if job_id then entry.jobId = job_id end
  if reason and reason ~= '' then entry.reason = reason end
  if attempt and attempt ~= '' then entry.attempt = tonumber(attempt) end
  local json = cjson.encode(entry)
  rcall('RPUSH', K_HISTORY, json)
  rcall('PUBLISH', CHANNEL, json)
end

-- Moves a job if the table allows it; returns false (writing nothing) if not.
local function move_job(states, id, to, reason, attempt)
  local from = states[id]
  if not (JOB_NEXT[from] and JOB_NEXT[from][to]) then return false end
  rcall('HSET', job_key(id), 'state', to, 'updatedAt', NOW)
  states[id] = to
  record('job', id, from, to, reason, attempt)
  return true
end

local WORKFLOW_MOVED = false
local WORKFLOW_WAS = false
-- Every move of this call, in order ({from, to}), for the transitions metric.
local WORKFLOW_MOVES = {}

local function move_workflow(from, to, reason)
  if not (WORKFLOW_NEXT[from] and WORKFLOW_NEXT[from][to]) then return false end
  WORKFLOW_MOVED = true
  WORKFLOW_WAS = WORKFLOW_WAS or from
  WORKFLOW_MOVES[#WORKFLOW_MOVES + 1] = { from = from, to = to }
  rcall('SET', K_STATE, to)
  rcall('HSET', K_META, 'updatedAt', NOW)
  if to == 'RUNNING' then
    rcall('HDEL', K_META, 'finishedAt', 'reason')
    if rcall('HEXISTS', K_META, 'startedAt') == 0 then rcall('HSET', K_META, 'startedAt', NOW) end
  else
    rcall('HSET', K_META, 'finishedAt', NOW, 'reason', reason or '')
  end
  record('workflow', nil, from, to, reason)
  return true
end

-- Job ids in order and their states, read once per script.
local function load_states()
  local ids = rcall('LRANGE', K_JOBS, 0, -1)
  local states = {}
  for _, id in ipairs(ids) do states[id] = rcall('HGET', job_key(id), 'state') end
  return ids, states
end

-- PENDING jobs whose dependencies all SUCCEEDED, in list order.
local function ready_jobs(ids, states)
  local ready = {}
  for _, id in ipairs(ids) do
    if states[id] == 'PENDING' then
      local ok = true
      for dep in string.gmatch(rcall('HGET', job_key(id), 'dependsOn') or '', '%S+') do
        if states[dep] ~= 'SUCCEEDED' then ok = false break end
      end
      if ok then ready[#ready + 1] = id end
    end
  end
  return ready
end

local function in_flight(state)
  return state == 'QUEUED' or state == 'RUNNING' or state == 'RETRY_WAIT'
end

-- currentJob = first job in list order that is in flight; unchanged when none is.
local function update_current(ids, states)
  for _, id in ipairs(ids) do
    if in_flight(states[id]) then
      rcall('SET', K_CURRENT, id)
      return
    end
  end
end

local function push_op(kind, id, queue_job_id)
  rcall('RPUSH', K_OUTBOX, kind .. ' ' .. id .. ' ' .. queue_job_id)
end

-- Ends every unfinished job: PENDING -> CANCELLED, in flight -> in_flight_to
-- (CANCELLED or TIMED_OUT), and asks the engine to pull in-flight jobs from the queue.
local function close_open_jobs(ids, states, reason, in_flight_to)
  for _, id in ipairs(ids) do
    local state = states[id]
    if state == 'PENDING' then
      move_job(states, id, 'CANCELLED', reason)
    elseif in_flight(state) then
      local queue_job_id = rcall('HGET', job_key(id), 'queueJobId')
      move_job(states, id, in_flight_to, reason)
      rcall('HSET', job_key(id), 'finishedAt', NOW)
      if queue_job_id and queue_job_id ~= '' then push_op('cancel', id, queue_job_id) end
    end
  end
end

-- A job reached FAILED or TIMED_OUT: the workflow fails and nothing else runs.
local function fail_workflow(ids, states, failed_id, reason)
  local wf = rcall('GET', K_STATE)
  if move_workflow(wf, 'FAILED', reason) then
    rcall('SET', K_CURRENT, failed_id)
    close_open_jobs(ids, states, 'workflow failed', 'CANCELLED')
  end
end

-- After a job SUCCEEDED: COMPLETED when it was the last one.
local function complete_if_done(ids, states)
  for _, id in ipairs(ids) do
    if states[id] ~= 'SUCCEEDED' then return false end
  end
  return move_workflow(rcall('GET', K_STATE), 'COMPLETED', '')
end

-- Every key of the workflow. The snapshots key shares meta's tag and base
-- (WorkflowKeys.templates); it is not in every script's KEYS.
local function workflow_keys(ids)
  local keys = { K_STATE, K_CURRENT, K_JOBS, K_META, K_HISTORY, K_OUTBOX, string.sub(K_META, 1, -5) .. 'templates' }
  for _, id in ipairs(ids) do keys[#keys + 1] = job_key(id) end
  return keys
end

local function apply_retention(ids)
  if not WORKFLOW_MOVED then return end
  if FINAL[rcall('GET', K_STATE)] then
    local retention = tonumber(rcall('HGET', K_META, 'retentionSeconds') or '')
    if not retention then return end
    local at = NOW + retention * 1000
    rcall('HSET', K_META, 'expiresAt', at)
    for _, key in ipairs(workflow_keys(ids)) do rcall('PEXPIREAT', key, at) end
  elseif rcall('HDEL', K_META, 'expiresAt') == 1 then
    for _, key in ipairs(workflow_keys(ids)) do rcall('PERSIST', key) end
  end
end

-- Earliest time the workflow must be looked at again, or false. A finished
-- workflow is looked at once its keys expired, to drop its index entries:
-- 1 ms after expiresAt, as Redis expires a key only once its time is passed.
local function next_deadline(ids, states)
  local wf = rcall('GET', K_STATE)
  if FINAL[wf] then
    local expires = tonumber(rcall('HGET', K_META, 'expiresAt') or '')
    return expires and expires + 1 or false
  end
  if wf ~= 'INITIALIZED' and wf ~= 'RUNNING' then return false end
  local earliest = tonumber(rcall('HGET', K_META, 'deadlineAt') or '')
  for _, id in ipairs(ids) do
    if in_flight(states[id]) then
      local at = tonumber(rcall('HGET', job_key(id), 'deadlineAt') or '')
      if at and (not earliest or at < earliest) then earliest = at end
    end
  end
  return earliest or false
end

-- Pending queue operations with what the engine needs to carry them out. An
-- enqueue whose job already left QUEUED (the queue reported it) was done: it
-- is dropped here instead of being sent again.
local function outbox_ops()
  local ops = {}
  for _, op in ipairs(rcall('LRANGE', K_OUTBOX, 0, -1)) do
    local kind, id, queue_job_id = string.match(op, '^(%S+) (%S+) (%S+)$')
    local f = rcall('HMGET', job_key(id), 'pool', 'priority', 'maxAttempts', 'templateId', 'version', 'timeoutSeconds', 'templateHash', 'state', 'queueJobId', 'attempts')
    if kind == 'enqueue' and (f[8] ~= 'QUEUED' or f[9] ~= queue_job_id) then
      rcall('LREM', K_OUTBOX, 1, op)
    else
      local entry = { op = op, kind = kind, jobId = id, queueJobId = queue_job_id, pool = f[1], templateId = f[4] }
      if kind == 'enqueue' then
        entry.priority, entry.maxAttempts, entry.version, entry.timeoutSeconds = f[2], f[3], f[5], f[6]
        entry.templateHash = f[7]
        entry.input = rcall('HGET', job_key(id), 'resolvedInput')
      else
        entry.attempt = tonumber(f[10] or '')
      end
      ops[#ops + 1] = entry
    end
  end
  return ops
end

-- The answer of every changing script (JSON; empty lists come back as {}).
local function outcome(ids, states, extra)
  apply_retention(ids)
  local result = extra or {}
  result.state = rcall('GET', K_STATE)
  result.workflowMoved = WORKFLOW_MOVED
  result.previousState = WORKFLOW_WAS
  result.moves = WORKFLOW_MOVES
  result.createdAt = tonumber(rcall('HGET', K_META, 'createdAt'))
  result.ready = ready_jobs(ids, states)
  result.ops = outbox_ops()
  result.nextDeadline = next_deadline(ids, states)
  -- Tells the engine whether there are writeOnly values to drop once jobs succeed.
  result.writeOnly = rcall('HEXISTS', K_META, 'writeOnly') == 1
  return cjson.encode(result)
end
