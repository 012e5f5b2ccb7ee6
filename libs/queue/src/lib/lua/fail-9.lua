--[[
  Reports failed attempts. A retryable error within maxAttempts goes to the
  delayed set (RETRY_WAIT) for an exponential backoff with full jitter:
  delay = floor(random * min(cap, base * factor^(failures - 1))); a permanent
  error or the last attempt dead-letters the job. Fenced like complete. A job
  whose cancel was requested is dropped instead ('cancelled').

  KEYS[1] queued zset   KEYS[2] jobs hash      KEYS[3] leased zset   KEYS[4] delayed zset
  KEYS[5] dead zset     KEYS[6] wake list      KEYS[7] ages zset     KEYS[8] ages counts
  KEYS[9] results stream
  ARGV[1] key prefix of the pool   ARGV[2] backoff base ms   ARGV[3] factor   ARGV[4] cap ms
  ARGV[5..] groups of 5: id, attempt, retryable ('1'|'0'), error JSON, random in [0, 1)
  Returns pairs per job: code, time. Codes: 1 retrying (time = retryAt),
  2 failed and dead-lettered, 3 cancelled, -1 no such job, -2 stale attempt
]]
-- @include codec
-- @include index
-- @include ages
-- @include wake
-- @include results
-- @include requeue
-- @include settle

local k = {
  queued = KEYS[1], jobs = KEYS[2], leased = KEYS[3], delayed = KEYS[4], dead = KEYS[5], results = KEYS[9],
}
local base_ms, factor, cap_ms = tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local codes = { retrying = 1, failed = 2, cancelled = 3 }
local now = now_ms()
local deltas = {}
local out = {}
local requeued = 0
for i = 5, #ARGV, 5 do
  local id = ARGV[i]
  local r, refusal = held_lease(k, ARGV[1], id, ARGV[i + 1])
  if not r then
    out[#out + 1] = refusal
    out[#out + 1] = 0
  else
    local random = tonumber(ARGV[i + 4])
    local delay = function(failures)
      return math.floor(random * math.min(cap_ms, base_ms * factor ^ (failures - 1)))
    end
    local outcome, at = settle_failure(k, ARGV[1], now, id, r, ARGV[i + 2] == '1', ARGV[i + 3], delay, deltas)
    if outcome == 'retrying' and at <= now then requeued = requeued + 1 end
    out[#out + 1] = codes[outcome]
    out[#out + 1] = at
  end
end
ages_apply(KEYS[7], KEYS[8], deltas)
wake(KEYS[6], requeued)
return out
