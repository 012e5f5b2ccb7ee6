--[[
  One page of the jobs in one state. Queued jobs come in pop order, leased ones
  by lease expiry, delayed ones by retry time, dead ones newest first.

  KEYS[1] the state's sorted set (queued, leased, delayed or dead)   KEYS[2] jobs hash
  ARGV[1] state 'Q'|'L'|'D'|'X'   ARGV[2] offset   ARGV[3] limit
  Returns { now, total, entry1, score1, ... }: entry = member (Q) or record.
]]
-- @include codec

local state, offset, limit = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3])
local out = { now_ms(), redis.call('ZCARD', KEYS[1]) }
local args = { 'ZRANGE', KEYS[1], offset, offset + limit - 1 }
if state == 'X' then args[#args + 1] = 'REV' end
args[#args + 1] = 'WITHSCORES'
local page = redis.call(unpack(args))
for i = 1, #page, 2 do
  local entry = page[i]
  if state ~= 'Q' then entry = redis.call('HGET', KEYS[2], page[i]) end
  if entry then
    out[#out + 1] = entry
    out[#out + 1] = page[i + 1]
  end
end
return out
