--[[
  Who holds the pool's leases: how many jobs each executor has leased, read in
  one step so the counts are one moment's truth (an executor missing here
  holds nothing). Leased jobs are bounded by the executors' total
  concurrency, so walking them is cheap.

  KEYS[1] leased zset   KEYS[2] jobs hash
  Returns { executor1, count1, executor2, count2, ... }
]]
-- @include codec

local counts, order = {}, {}
for _, id in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
  local rec = redis.call('HGET', KEYS[2], id)
  if rec then
    local state, _, executor = record_head(rec)
    if state == 'L' then
      if not counts[executor] then
        counts[executor] = 0
        order[#order + 1] = executor
      end
      counts[executor] = counts[executor] + 1
    end
  end
end
local out = {}
for _, executor in ipairs(order) do
  out[#out + 1] = executor
  out[#out + 1] = counts[executor]
end
return out
