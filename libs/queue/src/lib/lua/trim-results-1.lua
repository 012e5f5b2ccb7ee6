--[[
  Deletes result entries every consumer group has acknowledged: entries older
  than the oldest entry still pending or not yet delivered in any group. Without
  a group nothing is trimmed, so results wait for the engine that will read them.

  KEYS[1] results stream
  Returns the number of entries deleted.
]]
local function older(a, b)
  local ams, aseq = string.match(a, '^(%d+)-(%d+)$')
  local bms, bseq = string.match(b, '^(%d+)-(%d+)$')
  ams, bms = tonumber(ams), tonumber(bms)
  return ams < bms or (ams == bms and tonumber(aseq) < tonumber(bseq))
end

if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
local groups = redis.call('XINFO', 'GROUPS', KEYS[1])
if #groups == 0 then return 0 end
local floor
for _, group in ipairs(groups) do
  local info = {}
  for i = 1, #group, 2 do info[group[i]] = group[i + 1] end
  local keep
  if info['pending'] > 0 then
    keep = redis.call('XPENDING', KEYS[1], info['name'])[2]
  else
    -- Everything up to the last delivered entry is acknowledged: keep from the id after it.
    local ms, seq = string.match(info['last-delivered-id'], '^(%d+)-(%d+)$')
    keep = ms .. '-' .. string.format('%.17g', tonumber(seq) + 1)
  end
  if not floor or older(keep, floor) then floor = keep end
end
return redis.call('XTRIM', KEYS[1], 'MINID', floor)
