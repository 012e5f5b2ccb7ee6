--[[
  Takes jobs back from executors that stopped heartbeating: every lease that
  expired (executor = ''), or every lease held by one executor the pod monitor
  declared dead. Each such attempt counts as a failure (a job that kills its
  executor must not loop forever) and is retried at once, or dead-lettered on
  its last attempt; a job whose cancel was requested is dropped. Atomic per
  job, so every control-plane replica may run it concurrently.

  KEYS[1] queued zset   KEYS[2] jobs hash   KEYS[3] leased zset   KEYS[4] dead zset
  KEYS[5] wake list     KEYS[6] ages zset   KEYS[7] ages counts   KEYS[8] results stream
  ARGV[1] key prefix of the pool   ARGV[2] executor id, or '' for expired leases
  ARGV[3] at most this many jobs
  Returns the number of jobs taken back.
]]
-- @include codec
-- @include index
-- @include ages
-- @include wake
-- @include results
-- @include requeue
-- @include settle

local k = { queued = KEYS[1], jobs = KEYS[2], leased = KEYS[3], dead = KEYS[4], results = KEYS[8] }
local base, dead_executor, limit = ARGV[1], ARGV[2], tonumber(ARGV[3])
local now = now_ms()
local ids
if dead_executor == '' then
  ids = redis.call('ZRANGE', k.leased, '-inf', now, 'BYSCORE', 'LIMIT', 0, limit)
else
  -- In-flight jobs are bounded by the executors' concurrency: scanning them is cheap.
  ids = redis.call('ZRANGE', k.leased, 0, -1)
end

local deltas = {}
local taken, requeued = 0, 0
for _, id in ipairs(ids) do
  if taken >= limit then break end
  local rec = redis.call('HGET', k.jobs, id)
  local r = rec and parse_record(rec)
  if not r or r.state ~= 'L' then
    redis.call('ZREM', k.leased, id)
  elseif dead_executor == '' or r.executor == dead_executor then
    local reason = dead_executor == '' and 'lease_expired' or 'executor_lost'
    local message = dead_executor == ''
        and ('lease expired: executor ' .. r.executor .. ' stopped heartbeating')
        or ('executor ' .. r.executor .. ' was declared dead')
    local err = cjson.encode({ message = message, retryable = true, details = { reason = reason, executorId = r.executor } })
    local outcome = settle_failure(k, base, now, id, r, true, err, function() return 0 end, deltas)
    if outcome == 'retrying' then requeued = requeued + 1 end
    taken = taken + 1
  end
end
ages_apply(KEYS[6], KEYS[7], deltas)
wake(KEYS[5], requeued)
return taken
