-- Appends an outcome to the pool's result stream, in the same script as the state change.
-- Up to two extra fields; no argument table on the common paths (this runs once per job).
local function emit(results_key, id, attempt, outcome, meta, n1, v1, n2, v2)
  if meta == '' then
    if not n1 then
      redis.call('XADD', results_key, '*', 'job', id, 'attempt', attempt, 'outcome', outcome)
    elseif not n2 then
      redis.call('XADD', results_key, '*', 'job', id, 'attempt', attempt, 'outcome', outcome, n1, v1)
    else
      redis.call('XADD', results_key, '*', 'job', id, 'attempt', attempt, 'outcome', outcome, n1, v1, n2, v2)
    end
  elseif not n1 then
    redis.call('XADD', results_key, '*', 'job', id, 'attempt', attempt, 'outcome', outcome, 'meta', meta)
  elseif not n2 then
    redis.call('XADD', results_key, '*', 'job', id, 'attempt', attempt, 'outcome', outcome, 'meta', meta, n1, v1)
  else
    redis.call('XADD', results_key, '*', 'job', id, 'attempt', attempt, 'outcome', outcome, 'meta', meta, n1, v1, n2, v2)
  end
end
