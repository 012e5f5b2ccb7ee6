--[[
  Counts per state, the creation second of the oldest queued job, and the
  results not yet applied: entries of the result stream its slowest consumer
  group has not acknowledged (never delivered: `lag`; delivered, not yet
  acknowledged: `pending`). `lag` is unknown to Redis after some deletions;
  then the stream's length stands in (acknowledged entries are trimmed, so it
  is at most a little more).

  KEYS[1] queued zset   KEYS[2] leased zset   KEYS[3] delayed zset   KEYS[4] dead zset
  KEYS[5] ages zset     KEYS[6] results stream
  Returns { now, queued, leased, delayed, dead, oldest second since EPOCH_MS or -1, unapplied results }
]]
-- @include codec

local oldest = redis.call('ZRANGE', KEYS[5], 0, 0)[1]
local unapplied = 0
if redis.call('EXISTS', KEYS[6]) == 1 then
  for _, group in ipairs(redis.call('XINFO', 'GROUPS', KEYS[6])) do
    local info = {}
    for i = 1, #group, 2 do info[group[i]] = group[i + 1] end
    local lag = info['lag']
    if type(lag) ~= 'number' then lag = redis.call('XLEN', KEYS[6]) end
    unapplied = math.max(unapplied, lag + info['pending'])
  end
end
return {
  now_ms(),
  redis.call('ZCARD', KEYS[1]),
  redis.call('ZCARD', KEYS[2]),
  redis.call('ZCARD', KEYS[3]),
  redis.call('ZCARD', KEYS[4]),
  oldest and tonumber(oldest) or -1,
  unapplied,
}
