--[[
  Reads one job, whatever its state, in one consistent step.

  KEYS[1] queued zset   KEYS[2] jobs hash   KEYS[3] leased zset   KEYS[4] delayed zset
  KEYS[5] dead zset
  ARGV[1] key prefix of the pool   ARGV[2] job id
  Returns {} for no such job, { 'Q', now, member, ticks } for a queued job, or
  { state, now, record, time } otherwise: time = lease expiry (L), retry time
  (D) or when it was dead-lettered (X).
]]
-- @include codec
-- @include index

local id = ARGV[2]
local now = now_ms()
local entry = redis.call('HGET', index_key(ARGV[1], id), id)
if entry then
  local m = find_queued(KEYS[1], id, entry)
  if not m then return {} end
  return { 'Q', now, m, tonumber(string.sub(entry, 1, string.find(entry, ':', 2, true) - 1)) }
end
local rec = redis.call('HGET', KEYS[2], id)
if not rec then return {} end
local state = string.sub(rec, 1, 1)
local set = ({ L = KEYS[3], D = KEYS[4], X = KEYS[5] })[state]
return { state, now, rec, tonumber(redis.call('ZSCORE', set, id)) }
