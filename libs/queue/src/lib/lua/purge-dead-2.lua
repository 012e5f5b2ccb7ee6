--[[
  Deletes a dead-lettered job for good (an operator gave up on it). No result
  is sent: its 'failed' result was sent when it was dead-lettered.

  KEYS[1] jobs hash   KEYS[2] dead zset
  ARGV[1] key prefix of the pool   ARGV[2] job id
  Returns 1 purged, -1 no such job, -3 the job is not dead-lettered
]]
-- @include codec
-- @include index
-- @include dead

local id = ARGV[2]
local r, refusal = dead_record(KEYS[1], ARGV[1], id)
if not r then return refusal end
redis.call('HDEL', KEYS[1], id)
redis.call('ZREM', KEYS[2], id)
return 1
