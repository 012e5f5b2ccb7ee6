--[[
  Queued jobs counted per creation second (ages hash: second -> count, plus the
  ages zset of seconds in use), so stats() finds the oldest queued job in O(log n)
  although the queue is ordered by priority. Scripts collect deltas in a table
  and apply them once: a batch touches one or two seconds.
]]
local function age_add(deltas, created, delta)
  local second = math.floor(created / 1000)
  deltas[second] = (deltas[second] or 0) + delta
end

local function ages_apply(ages_key, counts_key, deltas)
  for second, delta in pairs(deltas) do
    if delta ~= 0 then
      local n = redis.call('HINCRBY', counts_key, second, delta)
      if n <= 0 then
        redis.call('HDEL', counts_key, second)
        redis.call('ZREM', ages_key, second)
      elseif n == delta then
        redis.call('ZADD', ages_key, 'NX', second, second)
      end
    end
  end
end
