--[[
  Renews the leader lock if this replica still holds it (compare-and-set): a
  replica whose lock expired and was taken by another must not extend it.

  KEYS[1] leader lock key
  ARGV[1] this replica's identity   ARGV[2] lock lifetime in ms
  Returns 1 renewed, 0 held by someone else or expired
]]
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
return 0
