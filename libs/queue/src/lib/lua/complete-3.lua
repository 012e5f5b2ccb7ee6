--[[
  Completes leased jobs: the job leaves the queue and a 'succeeded' result with
  its output is appended to the result stream, atomically. Fenced: only the
  current attempt of a leased job can complete it. A job whose cancel was
  requested still completes: the work is done.

  KEYS[1] jobs hash   KEYS[2] leased zset   KEYS[3] results stream
  ARGV[1] key prefix of the pool   ARGV[2..] groups of 3: id, attempt, output JSON ('' = none)
  Returns one code per job: 1 completed, -1 no such job, -2 stale attempt
]]
-- @include codec
-- @include index
-- @include results

local out, done = {}, {}
for i = 2, #ARGV, 3 do
  local id, attempt = ARGV[i], ARGV[i + 1]
  local rec = not done[id] and redis.call('HGET', KEYS[1], id)
  if not rec then
    out[#out + 1] = done[id] and -2 or missing_code(ARGV[1], id)
  elseif not leased_under(rec, attempt) then
    out[#out + 1] = -2
  else
    done[id] = true
    done[#done + 1] = id
    local output = ARGV[i + 2]
    if output == '' then
      emit(KEYS[3], id, attempt, 'succeeded', record_meta(rec))
    else
      emit(KEYS[3], id, attempt, 'succeeded', record_meta(rec), 'output', output)
    end
    out[#out + 1] = 1
  end
end
if #done > 0 then
  redis.call('HDEL', KEYS[1], unpack(done))
  redis.call('ZREM', KEYS[2], unpack(done))
end
return out
