--[[
  Encodings shared by every queue script; job-codec.ts reads the same layouts.

  A queued job is ONE sorted-set member, so a queued job costs one zset entry
  and nothing else (plus a few bytes in an index bucket):
    <created: 8 base36 digits, ms since EPOCH_MS><seq key><caller id or ''>
    \n<counters>\n[<meta JSON>\n]<payload JSON>
  seq key = one base36 digit giving the number of hex digits, then the pool's
  job number in hex: self-delimiting, unbounded, and sorted like the number.
  counters = '<maxAttempts>' for a job never leased, else
  '<attempts>.<failures>.<maxAttempts>'. JSON text never contains a raw line
  break and ids contain no whitespace, so '\n' separates the parts; the meta
  line is present only when the job has meta.
  The prefix (created + seq key) is unique per job and sorts by (created, seq):
  among equal scores the oldest job pops first, then the first enqueued.
  A generated id is the decimal seq; caller ids are never all digits.
]]
local EPOCH_MS = 1577836800000
local DIGITS36 = '0123456789abcdefghijklmnopqrstuvwxyz'

-- Scores, ticks, times and counters are integers below 1e14 (|score| <= ~1.3e13 with
-- |priority| <= 1e9), which Lua's own %.14g conversion prints exactly...
local fmt = tostring

-- ...but a pool's job number may grow past that: ids are printed as exact integers.
local function id_of(seq)
  return string.format('%d', seq)
end

local function base36(n, width)
  local out = {}
  for i = width, 1, -1 do
    local digit = n % 36
    out[i] = string.sub(DIGITS36, digit + 1, digit + 1)
    n = (n - digit) / 36
  end
  return table.concat(out)
end

local function now_ms()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end

local function seq_key(seq)
  local hex = string.format('%x', seq)
  return string.sub(DIGITS36, #hex + 1, #hex + 1) .. hex
end

-- Parsing works on byte positions: in Lua 5.1 every substring is a new interned
-- string, and these scripts run per job on the hot path.
local function prefix_len(m)
  local b = string.byte(m, 9)
  return 9 + (b <= 57 and b - 48 or b - 87)
end

-- Returns the job id, the positions of the member's first two line breaks, and
-- the job's number when its id is a generated one.
local function member_parts(m)
  local plen = prefix_len(m)
  local nl1 = string.find(m, '\n', plen + 1, true)
  -- (Parenthesised: string.find returns two values, which would land in `seq`.)
  local nl2 = (string.find(m, '\n', nl1 + 1, true))
  if nl1 > plen + 1 then return string.sub(m, plen + 1, nl1 - 1), nl1, nl2 end
  local seq = tonumber(string.sub(m, 10, plen), 16)
  return id_of(seq), nl1, nl2, seq
end

-- attempts, failures, maxAttempts
local function member_counters(m, nl1, nl2)
  local attempts, failures = string.match(m, '^(%d+)%.(%d+)%.', nl1 + 1)
  if not attempts then return 0, 0, tonumber(string.sub(m, nl1 + 1, nl2 - 1)) end
  return tonumber(attempts), tonumber(failures), tonumber(string.sub(m, nl1 + #attempts + #failures + 3, nl2 - 1))
end

-- attempts only: no string is made for a job never leased.
local function member_attempts(m, nl1)
  local attempts = string.match(m, '^(%d+)%.', nl1 + 1)
  return attempts and tonumber(attempts) or 0
end

local function member_with_counters(m, nl1, nl2, attempts, failures, max)
  local counters = fmt(max)
  if attempts > 0 or failures > 0 then counters = fmt(attempts) .. '.' .. fmt(failures) .. '.' .. counters end
  return string.sub(m, 1, nl1) .. counters .. string.sub(m, nl2)
end

-- The meta JSON, or '' when the job has none (then the payload follows the counters line).
local function member_meta(m, nl2)
  local nl3 = string.find(m, '\n', nl2 + 1, true)
  if not nl3 then return '' end
  return string.sub(m, nl2 + 1, nl3 - 1)
end

-- Relative creation time (ms since EPOCH_MS).
local function member_created(m)
  return tonumber(string.sub(m, 1, 8), 36)
end

--[[
  A job that is not queued (leased, delayed or dead) is a field of the jobs hash:
    <state L|D|X>|<ticks>|<attempt>|<executor>|<cancel 0|1>|<at ms>\n<last error JSON or ''>\n<member>
  ticks = round(priority * 10000); `at` is when the job entered that state.
]]
local function pack_record(state, ticks, attempt, executor, cancel, at, err, member)
  return state .. '|' .. fmt(ticks) .. '|' .. fmt(attempt) .. '|' .. executor .. '|' .. cancel .. '|' .. fmt(at)
    .. '\n' .. err .. '\n' .. member
end

-- True if the record is a lease under `attempt` (a string, as in ARGV).
local function leased_under(rec, attempt)
  if string.byte(rec, 1) ~= 76 then return false end -- 'L'
  local p1 = string.find(rec, '|', 3, true)
  return string.sub(rec, p1 + 1, p1 + #attempt + 1) == attempt .. '|'
end

-- state, attempt (string), executor, cancel flag: the record's head without copying the rest.
local function record_head(rec)
  return string.match(rec, '^(%u)|[^|]*|(%d+)|([^|]*)|(%d)|')
end

-- The meta JSON of a record's member, or ''.
local function record_meta(rec)
  local nl2 = string.find(rec, '\n', string.find(rec, '\n', 1, true) + 1, true)
  local m2 = string.find(rec, '\n', string.find(rec, '\n', nl2 + 1, true) + 1, true)
  local m3 = string.find(rec, '\n', m2 + 1, true)
  if not m3 then return '' end
  return string.sub(rec, m2 + 1, m3 - 1)
end

local function parse_record(rec)
  local nl1 = string.find(rec, '\n', 1, true)
  local nl2 = string.find(rec, '\n', nl1 + 1, true)
  local state, ticks, attempt, executor, cancel, at =
    string.match(string.sub(rec, 1, nl1 - 1), '^(%u)|(-?%d+)|(%d+)|([^|]*)|(%d)|(%d+)$')
  return {
    state = state, ticks = tonumber(ticks), attempt = tonumber(attempt), executor = executor,
    cancel = cancel, at = tonumber(at), err = string.sub(rec, nl1 + 1, nl2 - 1), member = string.sub(rec, nl2 + 1),
  }
end
