--[[
  Writes a new workflow in state INITIALIZED, or recognises a repeat.

  KEYS[1..6] see includes/workflow-core.lua; KEYS[7] workflow:{id}:templates
  ARGV[1] job key prefix          ARGV[2] events channel
  ARGV[3] request hash (sha256 of the canonical request; Idempotency-Key check)
  ARGV[4] meta fields, JSON array [field, value, ...] (strings; includes id, createdAt)
  ARGV[5] template snapshots, JSON array [field, snapshotJson, ...]
  ARGV[6] jobs, JSON array of [jobId, field, value, ...] (strings), in order
  ARGV[7] workflow timeout in seconds, or ''

  Returns JSON {created=true|false, state} ; {-3} when the workflow exists
  with a different request hash (Idempotency-Key reused for another body).
]]
-- @include transitions
-- @include workflow-core

if rcall('EXISTS', K_STATE) == 1 then
  if rcall('HGET', K_META, 'requestHash') ~= ARGV[3] then return { -3 } end
  return cjson.encode({ created = false, state = rcall('GET', K_STATE) })
end

local meta = cjson.decode(ARGV[4])
rcall('HSET', K_META, 'requestHash', ARGV[3], 'updatedAt', NOW, 'seq', 0, unpack(meta))
if ARGV[7] ~= '' then
  rcall('HSET', K_META, 'timeoutSeconds', ARGV[7], 'deadlineAt', NOW + tonumber(ARGV[7]) * 1000)
end

local snapshots = cjson.decode(ARGV[5])
if #snapshots > 0 then rcall('HSET', KEYS[7], unpack(snapshots)) end

local first
for _, job in ipairs(cjson.decode(ARGV[6])) do
  local id = job[1]
  first = first or id
  rcall('RPUSH', K_JOBS, id)
  rcall('HSET', job_key(id), 'state', 'PENDING', 'run', 1, 'attempts', 0, 'updatedAt', NOW, unpack(job, 2))
end

rcall('SET', K_STATE, 'INITIALIZED')
rcall('SET', K_CURRENT, first)
record('workflow', nil, '', 'INITIALIZED', '')
return cjson.encode({ created = true, state = 'INITIALIZED' })
