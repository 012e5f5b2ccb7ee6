--[[
  Queued jobs are found by id through index hashes: id -> '<ticks>:<member prefix>',
  where a generated id's prefix is just its 8 creation digits (its seq key
  follows from the id). They are bucketed so that each stays a small listpack
  (a few bytes per job): generated ids by sequence (128 per bucket), caller ids
  by a hash of the id.
]]
local function index_key(base, id)
  if string.find(id, '^%d+$') then
    return base .. 'ix:g' .. fmt(math.floor(tonumber(id) / 128))
  end
  return base .. 'ix:h' .. string.sub(redis.sha1hex(id), 1, 3)
end

-- index_key for batches: consecutive generated ids share their bucket's key string.
local function index_keys(base)
  local last_bucket, last_key
  return function(id, seq)
    if not seq then return index_key(base, id) end
    local bucket = math.floor(seq / 128)
    if bucket ~= last_bucket then
      last_bucket, last_key = bucket, base .. 'ix:g' .. fmt(bucket)
    end
    return last_key
  end
end

local function index_entry(id, ticks, prefix)
  if string.find(id, '^%d+$') then prefix = string.sub(prefix, 1, 8) end
  return fmt(ticks) .. ':' .. prefix
end

-- The queued member of a job from its index entry, or nil.
local function find_queued(queued_key, id, entry)
  local sep = string.find(entry, ':', 2, true)
  local prefix = string.sub(entry, sep + 1)
  if #prefix == 8 then prefix = prefix .. seq_key(tonumber(id)) end
  local plen = #prefix
  local score = fmt(tonumber(string.sub(prefix, 1, 8), 36) - tonumber(string.sub(entry, 1, sep - 1)))
  local first = redis.call('ZRANGE', queued_key, score, score, 'BYSCORE', 'LIMIT', 0, 1)[1]
  if not first then return nil end
  if string.sub(first, 1, plen) == prefix then return first end
  -- Members of equal score are ordered by their prefix: binary search that rank range,
  -- O(log n) per probe, instead of reading a whole batch enqueued in the same ms.
  local lo = redis.call('ZRANK', queued_key, first) + 1
  local hi = lo + redis.call('ZCOUNT', queued_key, score, score) - 2
  while lo <= hi do
    local mid = math.floor((lo + hi) / 2)
    local m = redis.call('ZRANGE', queued_key, mid, mid)[1]
    -- Seq keys are self-delimiting, so comparing the first plen bytes orders members by prefix.
    local p = string.sub(m, 1, plen)
    if p == prefix then return m end
    -- Strings of [0-9a-z]: every collation orders them like bytes.
    if p < prefix then lo = mid + 1 else hi = mid - 1 end
  end
  return nil
end

-- A lease call for a job without a record: the lease is stale if the job is queued again, else there is no such job.
local function missing_code(base, id)
  if redis.call('HEXISTS', index_key(base, id), id) == 1 then return -2 end
  return -1
end
