--[[
  Token bucket: takes one token for a request if there is one. The bucket
  refills continuously at `perSecond` up to `burst`; an unseen (or expired)
  bucket is full. Time is Redis's own (TIME), never a caller's clock, so
  replicas with skewed clocks share one consistent bucket.

  KEYS[1] the subject's bucket hash { tokens, at }
  ARGV[1] tokens added per second (> 0)   ARGV[2] burst: bucket size (integer >= 1)
  Returns { allowed (1|0), ms until a token is available (0 when allowed), whole tokens left }
]]
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)

local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1]) or burst
local at = tonumber(state[2]) or now
tokens = math.min(burst, tokens + math.max(0, now - at) * rate / 1000)

local allowed, wait = 0, 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
else
  wait = math.ceil((1 - tokens) * 1000 / rate)
end

redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', now)
-- Once it has refilled, the bucket is the same as no bucket: let it expire.
redis.call('PEXPIRE', KEYS[1], math.ceil((burst - tokens) * 1000 / rate) + 1000)
return { allowed, wait, math.floor(tokens) }
