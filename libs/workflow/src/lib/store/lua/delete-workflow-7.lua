--[[
  Deletes a finished workflow (COMPLETED | FAILED | CANCELLED): every key of
  its hash tag at once. The untagged index entries and timer are removed by
  the caller afterwards (readers skip an entry whose workflow is gone).

  KEYS[1] workflow:{id}:state       KEYS[5] workflow:{id}:history
  KEYS[2] workflow:{id}:currentJob  KEYS[6] workflow:{id}:outbox
  KEYS[3] workflow:{id}:jobs        KEYS[7] workflow:{id}:templates
  KEYS[4] workflow:{id}:meta
  ARGV[1] job key prefix (workflow:{id}:job:)

  Returns 1; {-1} unknown workflow; {-8, state} when it has not finished.
]]
local state = redis.call('GET', KEYS[1])
if not state then return { -1 } end
if state ~= 'COMPLETED' and state ~= 'FAILED' and state ~= 'CANCELLED' then return { -8, state } end
for _, id in ipairs(redis.call('LRANGE', KEYS[3], 0, -1)) do redis.call('DEL', ARGV[1] .. id) end
redis.call('DEL', KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6], KEYS[7])
return 1
