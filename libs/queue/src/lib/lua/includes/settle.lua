--[[
  Ends a lease that did not succeed. `r` is the parsed lease record of job `id`.
  A cancel request wins: the job is dropped with outcome 'cancelled'. Otherwise
  the failure is counted; a permanent error or the last allowed attempt
  dead-letters the job ('failed'), anything else retries after delay_ms
  ('retrying', at once when delay_ms <= 0). Returns outcome, time.
]]

-- The parsed record of job `id` if it is leased under `attempt` (as in ARGV);
-- else nil and the refusal: -1 no such job, -2 stale attempt (fencing).
local function held_lease(k, base, id, attempt)
  local rec = redis.call('HGET', k.jobs, id)
  if not rec then return nil, missing_code(base, id) end
  local r = parse_record(rec)
  if r.state ~= 'L' or r.attempt ~= tonumber(attempt) then return nil, -2 end
  return r
end

local function drop_cancelled(k, id, r)
  local _, _, nl2 = member_parts(r.member)
  redis.call('HDEL', k.jobs, id)
  redis.call('ZREM', k.leased, id)
  emit(k.results, id, r.attempt, 'cancelled', member_meta(r.member, nl2))
end

local function settle_failure(k, base, now, id, r, retryable, err, delay_fn, deltas)
  if r.cancel == '1' then
    drop_cancelled(k, id, r)
    return 'cancelled', now
  end
  local _, nl1, nl2 = member_parts(r.member)
  local _, failures, max = member_counters(r.member, nl1, nl2)
  local meta = member_meta(r.member, nl2)
  failures = failures + 1
  local member = member_with_counters(r.member, nl1, nl2, r.attempt, failures, max)
  redis.call('ZREM', k.leased, id)
  if not retryable or failures >= max then
    redis.call('HSET', k.jobs, id, pack_record('X', r.ticks, r.attempt, r.executor, '0', now, err, member))
    redis.call('ZADD', k.dead, now, id)
    emit(k.results, id, r.attempt, 'failed', meta, 'error', err)
    return 'failed', now
  end
  local delay = delay_fn(failures)
  if delay <= 0 then
    requeue(k, base, id, r.ticks, member, deltas)
    redis.call('HDEL', k.jobs, id)
    emit(k.results, id, r.attempt, 'retrying', meta, 'error', err, 'retryAt', now)
    return 'retrying', now
  end
  local due = now + delay
  redis.call('HSET', k.jobs, id, pack_record('D', r.ticks, r.attempt, r.executor, '0', now, err, member))
  redis.call('ZADD', k.delayed, due, id)
  emit(k.results, id, r.attempt, 'retrying', meta, 'error', err, 'retryAt', due)
  return 'retrying', due
end
