--[[
  Gives a finished workflow that has no expiry one (workflows that finished
  before retention existed were kept for ever): meta.retentionSeconds (or
  ARGV[2] when the workflow never had one) counted from when it finished,
  PEXPIREAT on every key of its hash tag as the scripts that finish a
  workflow do. A workflow whose retention already ended expires at once.

  KEYS[1] workflow:{id}:state       KEYS[5] workflow:{id}:history
  KEYS[2] workflow:{id}:currentJob  KEYS[6] workflow:{id}:outbox
  KEYS[3] workflow:{id}:jobs        KEYS[7] workflow:{id}:templates
  KEYS[4] workflow:{id}:meta
  ARGV[1] job key prefix (workflow:{id}:job:)   ARGV[2] retention (s) when meta has none

  Returns the expiry (ms) it set; 0 when there was nothing to do (not
  finished, or already expiring); -1 when the workflow is gone.
]]
local state = redis.call('GET', KEYS[1])
if not state then return -1 end
if state ~= 'COMPLETED' and state ~= 'FAILED' and state ~= 'CANCELLED' then return 0 end
if redis.call('HEXISTS', KEYS[4], 'expiresAt') == 1 then return 0 end

local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local meta = redis.call('HMGET', KEYS[4], 'retentionSeconds', 'finishedAt', 'updatedAt')
local retention = tonumber(meta[1] or '') or tonumber(ARGV[2])
local finished = tonumber(meta[2] or '') or tonumber(meta[3] or '') or now
local at = math.max(finished + retention * 1000, now)

redis.call('HSET', KEYS[4], 'retentionSeconds', retention, 'expiresAt', at)
for _, id in ipairs(redis.call('LRANGE', KEYS[3], 0, -1)) do redis.call('PEXPIREAT', ARGV[1] .. id, at) end
for i = 1, 7 do redis.call('PEXPIREAT', KEYS[i], at) end
return at
