--[[
  Drops values of writeOnly input fields no job needs any more (the engine
  computes the smaller values from the pinned inputSchemas; Lua cannot). Only
  ever shrinks what is stored, and only when the run is over for the values:

  - a job's `input` / `resolvedInput` are rewritten only when the job is
    SUCCEEDED (it never runs again) or the workflow COMPLETED / CANCELLED;
  - the workflow `input` only when every job listed (those whose references read
    the dropped paths) is SUCCEEDED, or the workflow is COMPLETED / CANCELLED.

  Both conditions only ever become true, so a plan computed from an earlier
  read stays valid; of two racing calls, the smaller value wins (a rewrite
  never makes a field longer). HSET keeps a key's expiry (retention).

  KEYS[1] workflow:{id}:state  KEYS[2] workflow:{id}:meta
  ARGV[1] job key prefix (workflow:{id}:job:)
  ARGV[2] new workflow input (JSON) or ''
  ARGV[3] JSON list of the job ids that must have SUCCEEDED for ARGV[2]
  ARGV[4] JSON list of {id, input?, resolvedInput?}; resolvedInput false: delete the field

  Returns the number of fields rewritten (0 for an unknown workflow).
]]
local state = redis.call('GET', KEYS[1])
if not state then return 0 end
local final = state == 'COMPLETED' or state == 'CANCELLED'
local rewritten = 0

local function succeeded(id)
  return redis.call('HGET', ARGV[1] .. id, 'state') == 'SUCCEEDED'
end

local function shrink(key, field, value)
  local current = redis.call('HGET', key, field)
  if not current then return end
  if value == false then
    redis.call('HDEL', key, field)
  elseif #value < #current then
    redis.call('HSET', key, field, value)
  else
    return
  end
  rewritten = rewritten + 1
end

if ARGV[2] ~= '' then
  local allowed = final
  if not allowed then
    allowed = true
    for _, id in ipairs(cjson.decode(ARGV[3])) do
      if not succeeded(id) then allowed = false end
    end
  end
  if allowed then shrink(KEYS[2], 'input', ARGV[2]) end
end

for _, job in ipairs(cjson.decode(ARGV[4])) do
  if final or succeeded(job.id) then
    local key = ARGV[1] .. job.id
    if job.input then shrink(key, 'input', job.input) end
    if job.resolvedInput ~= nil then shrink(key, 'resolvedInput', job.resolvedInput) end
  end
end
return rewritten
