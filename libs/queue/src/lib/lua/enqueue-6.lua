--[[
  Adds jobs to a pool's queue. Score = created - ticks (ticks = priority * 10000,
  created in ms since EPOCH_MS) and ZPOPMIN pops the job with the highest
  effective priority base + 0.1 * waitSeconds: at any instant every job gains
  the same 0.1 * now, so that order never changes (docs/architecture.md, "Scheduling").

  KEYS[1] queued zset     KEYS[2] jobs hash      KEYS[3] seq counter
  KEYS[4] wake list       KEYS[5] ages zset      KEYS[6] ages counts hash
  ARGV[1] key prefix of the pool (for index buckets)
  ARGV[2] number of jobs n, then n groups of 6:
          id ('' = generate), ticks, createdAt (absolute ms, '' = server time),
          maxAttempts, meta JSON (or ''), payload JSON
  Returns { id1, added1, id2, added2, ... }; added = 0 when a live job (queued,
  leased, delayed or dead) already has that caller id: nothing is changed for it.
]]
-- @include codec
-- @include index
-- @include ages
-- @include wake

local base = ARGV[1]
local n = tonumber(ARGV[2])
local now = now_ms() - EPOCH_MS
local now36 = base36(now, 8)
local first_seq = redis.call('INCRBY', KEYS[3], n) - n

local zadd, buckets, deltas, out = {}, {}, {}, {}
local key_of = index_keys(base)
local added = 0
for i = 0, n - 1 do
  local o = 3 + i * 6
  local id, ticks, created_at = ARGV[o], ARGV[o + 1], ARGV[o + 2]
  local seq = first_seq + i + 1
  local ikey
  local duplicate = false
  if id == '' then
    id = id_of(seq)
    ikey = key_of(id, seq)
  else
    ikey = key_of(id)
    duplicate = redis.call('HEXISTS', ikey, id) == 1 or redis.call('HEXISTS', KEYS[2], id) == 1
  end
  out[#out + 1] = id
  if duplicate then
    out[#out + 1] = 0
  else
    local created, created36 = now, now36
    if created_at ~= '' then
      created = tonumber(created_at) - EPOCH_MS
      created36 = base36(created, 8)
    end
    local prefix = created36 .. seq_key(seq)
    local meta = ARGV[o + 4]
    if meta ~= '' then meta = meta .. '\n' end
    zadd[#zadd + 1] = fmt(created - tonumber(ticks))
    zadd[#zadd + 1] = prefix .. ARGV[o] .. '\n' .. ARGV[o + 3] .. '\n' .. meta .. ARGV[o + 5]
    local bucket = buckets[ikey]
    if not bucket then
      bucket = {}
      buckets[ikey] = bucket
    end
    bucket[#bucket + 1] = id
    -- A generated id's entry needs only the creation digits: its seq key follows from the id.
    bucket[#bucket + 1] = ticks .. ':' .. (ARGV[o] == '' and created36 or prefix)
    age_add(deltas, created, 1)
    added = added + 1
    out[#out + 1] = 1
  end
end

if added > 0 then
  redis.call('ZADD', KEYS[1], unpack(zadd))
  for ikey, fields in pairs(buckets) do redis.call('HSET', ikey, unpack(fields)) end
  ages_apply(KEYS[5], KEYS[6], deltas)
  wake(KEYS[4], added)
end
return out
