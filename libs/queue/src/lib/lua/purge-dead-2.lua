--[[
  Deletes a dead-lettered job for good (an operator gave up on it). No result
  is sent: its 'failed' result was sent when it was dead-lettered.

  KEYS[1] jobs hash   KEYS[2] dead zset
  ARGV[1] key prefix of the pool   ARGV[2] job id
  Returns 1 purged, -1 no such job, -3 the job is not dead-lettered
]]
-- @include codec
-- @include index

local id = ARGV[2]
local rec = redis.call('HGET', KEYS[1], id)
if not rec then
  if redis.call('HEXISTS', index_key(ARGV[1], id), id) == 1 then return -3 end
  return -1
end
if parse_record(rec).state ~= 'X' then return -3 end
redis.call('HDEL', KEYS[1], id)
redis.call('ZREM', KEYS[2], id)
return 1
