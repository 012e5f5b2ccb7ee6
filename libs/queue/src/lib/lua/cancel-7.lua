--[[
  Cancels a job. Queued or delayed: removed at once, with a 'cancelled' result.
  Leased: flagged; the executor learns it from its next heartbeat and then
  fails or releases the job, which drops it with a 'cancelled' result (a
  completion still counts as done). Dead-lettered: removed from the dead
  letter, without a result (its 'failed' result was already sent).

  KEYS[1] queued zset   KEYS[2] jobs hash     KEYS[3] delayed zset   KEYS[4] dead zset
  KEYS[5] ages zset     KEYS[6] ages counts   KEYS[7] results stream
  ARGV[1] key prefix of the pool   ARGV[2] job id
  Returns 1 cancelled (removed), 2 cancel requested (leased), 0 no such job
]]
-- @include codec
-- @include index
-- @include ages
-- @include results

local id = ARGV[2]
local ikey = index_key(ARGV[1], id)
local entry = redis.call('HGET', ikey, id)
if entry then
  local m = find_queued(KEYS[1], id, entry)
  redis.call('HDEL', ikey, id)
  if not m then return 0 end
  local _, nl1, nl2 = member_parts(m)
  local attempts = member_counters(m, nl1, nl2)
  redis.call('ZREM', KEYS[1], m)
  local deltas = {}
  age_add(deltas, member_created(m), -1)
  ages_apply(KEYS[5], KEYS[6], deltas)
  emit(KEYS[7], id, attempts, 'cancelled', member_meta(m, nl2))
  return 1
end

local rec = redis.call('HGET', KEYS[2], id)
if not rec then return 0 end
local r = parse_record(rec)
if r.state == 'L' then
  if r.cancel ~= '1' then
    redis.call('HSET', KEYS[2], id, pack_record('L', r.ticks, r.attempt, r.executor, '1', r.at, r.err, r.member))
  end
  return 2
end
redis.call('HDEL', KEYS[2], id)
if r.state == 'D' then
  redis.call('ZREM', KEYS[3], id)
  local _, _, nl2 = member_parts(r.member)
  emit(KEYS[7], id, r.attempt, 'cancelled', member_meta(r.member, nl2))
else
  redis.call('ZREM', KEYS[4], id)
end
return 1
