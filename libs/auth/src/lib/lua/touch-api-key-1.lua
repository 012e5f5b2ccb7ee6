--[[
  Records when an API key was last used, at most once per interval. Only an
  existing record is touched: a plain HSET racing a revoke would bring the
  deleted key back as a partial record. Redis's clock, so replicas agree.

  KEYS[1] the key's record hash
  ARGV[1] minimum interval between writes in ms
  Returns the recorded lastUsedAt in ms, 0 when not written (recent, or no such key)
]]
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local last = tonumber(redis.call('HGET', KEYS[1], 'lastUsedAt') or '0')
if now - last < tonumber(ARGV[1]) then return 0 end
redis.call('HSET', KEYS[1], 'lastUsedAt', now)
return now
