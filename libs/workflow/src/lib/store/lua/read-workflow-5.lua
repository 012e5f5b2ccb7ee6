--[[
  Everything about one workflow in one consistent read.

  KEYS[1] state  KEYS[2] currentJob  KEYS[3] jobs  KEYS[4] meta  KEYS[5] history
  ARGV[1] job key prefix

  Returns false for an unknown workflow, else
  {state, currentJob, meta (HGETALL), {job HGETALL, ...} in order, history}.
]]
local state = redis.call('GET', KEYS[1])
if not state then return false end
local jobs = {}
for i, id in ipairs(redis.call('LRANGE', KEYS[3], 0, -1)) do
  local fields = redis.call('HGETALL', ARGV[1] .. id)
  fields[#fields + 1] = 'id'
  fields[#fields + 1] = id
  jobs[i] = fields
end
return { state, redis.call('GET', KEYS[2]) or '', redis.call('HGETALL', KEYS[4]), jobs, redis.call('LRANGE', KEYS[5], 0, -1) }
