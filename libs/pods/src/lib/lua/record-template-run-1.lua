--[[
  Adds one observed job run to a template's statistics in one pool: count,
  total and longest duration, and OOM kills (a run that ended with its pod
  OOMKilled). Fields are "<pool>\t<templateId>\t<stat>".

  KEYS[1] template statistics hash
  ARGV[1] pool   ARGV[2] template id   ARGV[3] duration ms ('' for none)
  ARGV[4] OOM kills to add (0 or more)
  Returns the template's run count in that pool
]]
local base = ARGV[1] .. '\t' .. ARGV[2] .. '\t'
local count = tonumber(redis.call('HGET', KEYS[1], base .. 'runs') or '0')
if ARGV[3] ~= '' then
  local ms = tonumber(ARGV[3])
  count = redis.call('HINCRBY', KEYS[1], base .. 'runs', 1)
  redis.call('HINCRBY', KEYS[1], base .. 'totalMs', ms)
  local longest = tonumber(redis.call('HGET', KEYS[1], base .. 'maxMs') or '0')
  if ms > longest then redis.call('HSET', KEYS[1], base .. 'maxMs', ms) end
end
local oom = tonumber(ARGV[4])
if oom > 0 then redis.call('HINCRBY', KEYS[1], base .. 'oomKills', oom) end
return count
