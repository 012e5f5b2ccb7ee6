--[[
  Stores an API key record unless one with that id exists (so a bootstrap key
  applied by several replicas at once, or twice, stays one record), and adds
  the id to the index in the same step.

  KEYS[1] the key's record hash   KEYS[2] index set of key ids
  ARGV[1] key id   ARGV[2..] field, value, field, value, … of the record
  Returns { 1, secretHash } when stored, { 0, stored secretHash } when the id existed
]]
if redis.call('EXISTS', KEYS[1]) == 1 then
  return { 0, redis.call('HGET', KEYS[1], 'secretHash') or '' }
end
local fields = {}
for i = 2, #ARGV do fields[#fields + 1] = ARGV[i] end
redis.call('HSET', KEYS[1], unpack(fields))
redis.call('SADD', KEYS[2], ARGV[1])
return { 1, redis.call('HGET', KEYS[1], 'secretHash') }
