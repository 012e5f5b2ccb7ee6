--[[
  Extends the leases an executor still holds. A lease is held when the job is
  leased to this executor under this attempt; anything else is stale, and the
  executor must stop working on that job (its result would be refused).

  KEYS[1] jobs hash   KEYS[2] leased zset
  ARGV[1] key prefix of the pool   ARGV[2] executor id   ARGV[3] lease ms
  ARGV[4..] pairs of id, attempt
  Returns { leaseExpiresAt, code1, code2, ... }: 1 extended, 2 extended but
  cancel requested, -1 no such job, -2 stale (lease lost or newer attempt)
]]
-- @include codec
-- @include index

local now = now_ms()
local expiry = now + tonumber(ARGV[3])
local out = { expiry }
for i = 4, #ARGV, 2 do
  local id = ARGV[i]
  local rec = redis.call('HGET', KEYS[1], id)
  if not rec then
    out[#out + 1] = missing_code(ARGV[1], id)
  else
    local state, attempt, executor, cancel = record_head(rec)
    if state ~= 'L' or attempt ~= ARGV[i + 1] or executor ~= ARGV[2] then
      out[#out + 1] = -2
    else
      redis.call('ZADD', KEYS[2], 'XX', expiry, id)
      out[#out + 1] = cancel == '1' and 2 or 1
    end
  end
end
return out
