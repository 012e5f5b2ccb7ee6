--[[
  Deletes the leader lock if this replica holds it, so a follower acquires it at
  its next attempt instead of waiting for the lock to expire.

  KEYS[1] leader lock key
  ARGV[1] this replica's identity
  Returns 1 released, 0 not held by this replica
]]
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('DEL', KEYS[1])
  return 1
end
return 0
