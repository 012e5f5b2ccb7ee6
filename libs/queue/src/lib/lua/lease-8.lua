--[[
  Pops up to `count` jobs with the highest effective priority and leases them to
  an executor in the same step, so a job never exists only in a client's memory.
  Each lease increments the job's attempt, the fencing token every later call
  must present. Due retries are promoted first, so they are served promptly.

  KEYS[1] queued zset    KEYS[2] jobs hash     KEYS[3] leased zset   KEYS[4] delayed zset
  KEYS[5] wake list      KEYS[6] ages zset     KEYS[7] ages counts   KEYS[8] results stream
  ARGV[1] key prefix of the pool   ARGV[2] executor id   ARGV[3] count   ARGV[4] lease ms
  ARGV[5] '1' to append a 'started' result per job
  Returns { now, leaseExpiresAt, member1, ticks1, attempt1, member2, ... }
]]
-- @include codec
-- @include index
-- @include ages
-- @include wake
-- @include results
-- @include requeue

local k = { queued = KEYS[1], jobs = KEYS[2], leased = KEYS[3], delayed = KEYS[4], results = KEYS[8] }
local base, executor = ARGV[1], ARGV[2]
local now = now_ms()
local expiry = now + tonumber(ARGV[4])
local deltas = {}
promote_due(k, base, now, 100, deltas)

local popped = redis.call('ZPOPMIN', k.queued, ARGV[3])
local out = { now, expiry }
local records, leases, buckets = {}, {}, {}
local key_of = index_keys(base)
-- pack_record('L', ticks, attempt, executor, '0', now, '', m), with the part every job shares built once.
local record_tail = '|' .. executor .. '|0|' .. fmt(now) .. '\n\n'
for i = 1, #popped, 2 do
  local m = popped[i]
  local id, nl1, nl2, seq = member_parts(m)
  local attempt = member_attempts(m, nl1) + 1
  local created = member_created(m)
  local ticks = created - tonumber(popped[i + 1])
  records[#records + 1] = id
  records[#records + 1] = 'L|' .. fmt(ticks) .. '|' .. fmt(attempt) .. record_tail .. m
  leases[#leases + 1] = expiry
  leases[#leases + 1] = id
  local ikey = key_of(id, seq)
  local bucket = buckets[ikey]
  if not bucket then
    bucket = {}
    buckets[ikey] = bucket
  end
  bucket[#bucket + 1] = id
  age_add(deltas, created, -1)
  out[#out + 1] = m
  out[#out + 1] = ticks
  out[#out + 1] = attempt
  if ARGV[5] == '1' then emit(k.results, id, attempt, 'started', member_meta(m, nl2), 'executor', executor) end
end

if #records > 0 then
  redis.call('HSET', k.jobs, unpack(records))
  redis.call('ZADD', k.leased, unpack(leases))
  for ikey, ids in pairs(buckets) do redis.call('HDEL', ikey, unpack(ids)) end
  -- Pass the baton: work left behind wakes the next idle executor (a short batch left none).
  if #records == 2 * tonumber(ARGV[3]) and redis.call('ZCARD', k.queued) > 0 then wake(KEYS[5], 1) end
end
ages_apply(KEYS[6], KEYS[7], deltas)
return out
