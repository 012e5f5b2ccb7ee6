--[[
  Removes queue operations the engine has carried out from a workflow's outbox.

  KEYS[1] workflow:{id}:outbox
  ARGV    the ops, exactly as listed in the outbox

  Returns the number of ops removed (an op already removed counts 0).
]]
local removed = 0
for _, op in ipairs(ARGV) do
  removed = removed + redis.call('LREM', KEYS[1], 1, op)
end
return removed
