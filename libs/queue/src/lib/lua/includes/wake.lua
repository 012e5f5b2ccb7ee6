--[[
  Idle executors block on the pool's wake list (BLPOP); each token wakes exactly
  one of them, so n new jobs wake at most n executors (no stampede). Tokens
  nobody waits for stay in the list, capped, and cost an idle executor one
  empty lease call at most.
]]
local WAKE_CAP = 16

local function wake(wake_key, jobs)
  if jobs <= 0 then return end
  local want = math.min(jobs, WAKE_CAP) - redis.call('LLEN', wake_key)
  if want > 0 then
    local tokens = {}
    for i = 1, want do tokens[i] = '1' end
    redis.call('LPUSH', wake_key, unpack(tokens))
  end
end
