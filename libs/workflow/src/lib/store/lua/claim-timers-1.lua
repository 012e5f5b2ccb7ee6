--[[
  Claims workflows whose timer is due, so one replica looks at each: the
  claimed member's score moves to now + claim time (a retry if that replica
  dies before settling).

  KEYS[1] workflow-timers (ZSET workflow id -> due time, ms)
  ARGV[1] claim time (ms)   ARGV[2] max members

  Returns {member, claimedScore, ...}; pass claimedScore to settle-timer.
]]
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local claimed_score = now + tonumber(ARGV[1])
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'LIMIT', 0, tonumber(ARGV[2]))
local out = {}
for _, member in ipairs(due) do
  redis.call('ZADD', KEYS[1], claimed_score, member)
  out[#out + 1] = member
  out[#out + 1] = tostring(claimed_score)
end
return out
