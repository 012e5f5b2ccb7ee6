--[[
  After a claimed workflow was looked at: set its next due time, or remove
  it. If anyone touched the timer since the claim (an API call asking for an
  earlier look), their time stands; a next time earlier than it still wins.

  KEYS[1] workflow-timers
  ARGV[1] member   ARGV[2] claimed score   ARGV[3] next due time (ms) or ''

  Returns 1 when the claim was still ours, else 0.
]]
local score = redis.call('ZSCORE', KEYS[1], ARGV[1])
if score and tonumber(score) == tonumber(ARGV[2]) then
  if ARGV[3] == '' then
    redis.call('ZREM', KEYS[1], ARGV[1])
  else
    redis.call('ZADD', KEYS[1], ARGV[3], ARGV[1])
  end
  return 1
end
if ARGV[3] ~= '' then redis.call('ZADD', KEYS[1], 'LT', ARGV[3], ARGV[1]) end
return 0
