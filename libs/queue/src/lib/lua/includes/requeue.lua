--[[
  Puts a job (back) into the queue with its original creation time, so its age
  keeps counting: a retried or stalled job does not lose its place to newer work.
  k = table of key names; deltas = age deltas the caller applies once.
]]
local function requeue(k, base, id, ticks, member, deltas)
  local created = member_created(member)
  redis.call('ZADD', k.queued, fmt(created - ticks), member)
  redis.call('HSET', index_key(base, id), id, index_entry(id, ticks, string.sub(member, 1, prefix_len(member))))
  age_add(deltas, created, 1)
end

-- Moves delayed jobs whose retry time has come into the queue; returns how many.
local function promote_due(k, base, now, limit, deltas)
  local due = redis.call('ZRANGE', k.delayed, '-inf', now, 'BYSCORE', 'LIMIT', 0, limit)
  for _, id in ipairs(due) do
    local rec = redis.call('HGET', k.jobs, id)
    if rec then
      local r = parse_record(rec)
      requeue(k, base, id, r.ticks, r.member, deltas)
      redis.call('HDEL', k.jobs, id)
    end
  end
  if #due > 0 then redis.call('ZREM', k.delayed, unpack(due)) end
  return #due
end
