--[[
  Puts a dead-lettered job back into the queue (manual requeue) with its failure
  count reset; it keeps its creation time, so it is served ahead of newer work.
  Its attempt number keeps growing: fencing tokens are never reused.

  KEYS[1] queued zset   KEYS[2] jobs hash   KEYS[3] dead zset   KEYS[4] wake list
  KEYS[5] ages zset     KEYS[6] ages counts
  ARGV[1] key prefix of the pool   ARGV[2] job id
  Returns 1 requeued, -1 no such job, -3 the job is not dead-lettered
]]
-- @include codec
-- @include index
-- @include ages
-- @include wake
-- @include requeue
-- @include dead

local id = ARGV[2]
local r, refusal = dead_record(KEYS[2], ARGV[1], id)
if not r then return refusal end
local _, nl1, nl2 = member_parts(r.member)
local attempts, _, max = member_counters(r.member, nl1, nl2)
local deltas = {}
requeue({ queued = KEYS[1] }, ARGV[1], id, r.ticks, member_with_counters(r.member, nl1, nl2, attempts, 0, max), deltas)
redis.call('HDEL', KEYS[2], id)
redis.call('ZREM', KEYS[3], id)
ages_apply(KEYS[5], KEYS[6], deltas)
wake(KEYS[4], 1)
return 1
