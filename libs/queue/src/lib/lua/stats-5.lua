--[[
  Counts per state and the creation second of the oldest queued job.

  KEYS[1] queued zset   KEYS[2] leased zset   KEYS[3] delayed zset   KEYS[4] dead zset
  KEYS[5] ages zset
  Returns { now, queued, leased, delayed, dead, oldest second since EPOCH_MS or -1 }
]]
-- @include codec

local oldest = redis.call('ZRANGE', KEYS[5], 0, 0)[1]
return {
  now_ms(),
  redis.call('ZCARD', KEYS[1]),
  redis.call('ZCARD', KEYS[2]),
  redis.call('ZCARD', KEYS[3]),
  redis.call('ZCARD', KEYS[4]),
  oldest and tonumber(oldest) or -1,
}
