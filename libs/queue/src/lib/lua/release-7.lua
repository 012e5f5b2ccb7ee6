--[[
  Gives leased jobs back at once (graceful executor shutdown): the job returns
  to the queue with its age, and the attempt is not counted as a failure. A job
  whose cancel was requested is dropped instead ('cancelled').

  KEYS[1] queued zset   KEYS[2] jobs hash   KEYS[3] leased zset   KEYS[4] wake list
  KEYS[5] ages zset     KEYS[6] ages counts KEYS[7] results stream
  ARGV[1] key prefix of the pool   ARGV[2..] pairs of id, attempt
  Returns one code per job: 1 requeued, 3 cancelled, -1 no such job, -2 stale attempt
]]
-- @include codec
-- @include index
-- @include ages
-- @include wake
-- @include results
-- @include requeue
-- @include settle

local k = { queued = KEYS[1], jobs = KEYS[2], leased = KEYS[3], results = KEYS[7] }
local deltas = {}
local out = {}
local requeued = 0
for i = 2, #ARGV, 2 do
  local id = ARGV[i]
  local r, refusal = held_lease(k, ARGV[1], id, ARGV[i + 1])
  if not r then
    out[#out + 1] = refusal
  elseif r.cancel == '1' then
    drop_cancelled(k, id, r)
    out[#out + 1] = 3
  else
    local _, nl1, nl2 = member_parts(r.member)
    local _, failures, max = member_counters(r.member, nl1, nl2)
    requeue(k, ARGV[1], id, r.ticks, member_with_counters(r.member, nl1, nl2, r.attempt, failures, max), deltas)
    redis.call('HDEL', k.jobs, id)
    redis.call('ZREM', k.leased, id)
    requeued = requeued + 1
    out[#out + 1] = 1
  end
end
ages_apply(KEYS[5], KEYS[6], deltas)
wake(KEYS[4], requeued)
return out
