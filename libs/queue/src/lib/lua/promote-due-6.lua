--[[
  Moves delayed jobs (RETRY_WAIT) whose retry time has come back into the queue
  and wakes idle executors for them.

  KEYS[1] queued zset   KEYS[2] jobs hash   KEYS[3] delayed zset   KEYS[4] wake list
  KEYS[5] ages zset     KEYS[6] ages counts
  ARGV[1] key prefix of the pool   ARGV[2] at most this many jobs
  Returns the number of jobs promoted.
]]
-- @include codec
-- @include index
-- @include ages
-- @include wake
-- @include requeue

local k = { queued = KEYS[1], jobs = KEYS[2], delayed = KEYS[3] }
local deltas = {}
local promoted = promote_due(k, ARGV[1], now_ms(), tonumber(ARGV[2]), deltas)
ages_apply(KEYS[5], KEYS[6], deltas)
wake(KEYS[4], promoted)
return promoted
