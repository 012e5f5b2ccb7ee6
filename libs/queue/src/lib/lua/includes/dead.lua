-- The record of dead-lettered job `id` of the jobs hash, or nil and the refusal:
-- -1 no such job, -3 the job exists but is not dead-lettered (requeue-dead, purge-dead).
-- Needs: codec, index.
local function dead_record(jobs, prefix, id)
  local rec = redis.call('HGET', jobs, id)
  if not rec then
    if redis.call('HEXISTS', index_key(prefix, id), id) == 1 then return nil, -3 end
    return nil, -1
  end
  local r = parse_record(rec)
  if r.state ~= 'X' then return nil, -3 end
  return r
end
