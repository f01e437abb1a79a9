-- Records or changes one vote, only on an open cut that has the item; counts the change.
-- Returns { outcome, item text }.
-- KEYS[1] cut hash, KEYS[2] votes hash
-- ARGV[1] item id, ARGV[2] voter, ARGV[3] choice (S or D)
local cut = redis.call('HMGET', KEYS[1], 'status', 'item:' .. ARGV[1])
if not cut[1] or not cut[2] then
  return { 'NOT_FOUND', '' }
end
if cut[1] ~= 'OPEN' then
  return { 'NOT_OPEN', cut[2] }
end
local field = ARGV[1] .. ':' .. ARGV[2]
local previous = redis.call('HGET', KEYS[2], field)
if previous == ARGV[3] then
  return { 'UNCHANGED', cut[2] }
end
redis.call('HSET', KEYS[2], field, ARGV[3])
redis.call('HINCRBY', KEYS[1], 'version', 1)
if previous then
  return { 'CHANGED', cut[2] }
end
return { 'RECORDED', cut[2] }
