-- Adds one item to an open cut under a new id, one more than the largest ever used in the cut
-- (kept in 'lastItemId', so a removed item's id is never reused and old votes never attach to a
-- new item), unless the cut is full or already lists the text (ignoring ASCII case); counts the
-- change and appends the edit to the cut's history, keeping its latest ARGV[4] entries; changes
-- the cut's jobs with it (applyJobs, from apply-jobs.lua).
-- Returns { outcome, new item id or '' }: DONE, NOT_OPEN, FULL or DUPLICATE.
-- KEYS[1] cut hash, KEYS[2] history list, KEYS[3] the workspace's jobs
-- ARGV[1] item text, ARGV[2] most items, ARGV[3] history entry, ARGV[4] history length kept,
-- ARGV[5] job changes
local cut = redis.call('HMGET', KEYS[1], 'status', 'itemIds', 'lastItemId')
if cut[1] ~= 'OPEN' then
  return { 'NOT_OPEN', '' }
end
local count = 0
local largest = 0
local wanted = string.lower(ARGV[1])
for id in string.gmatch(cut[2] or '', '%d+') do
  count = count + 1
  if tonumber(id) > largest then
    largest = tonumber(id)
  end
  if string.lower(redis.call('HGET', KEYS[1], 'item:' .. id) or '') == wanted then
    return { 'DUPLICATE', '' }
  end
end
if count >= tonumber(ARGV[2]) then
  return { 'FULL', '' }
end
if not cut[3] then
  redis.call('HSET', KEYS[1], 'lastItemId', largest)
end
local id = redis.call('HINCRBY', KEYS[1], 'lastItemId', 1)
redis.call('HSET', KEYS[1], 'item:' .. id, ARGV[1], 'itemIds', (cut[2] or ',') .. id .. ',')
redis.call('HINCRBY', KEYS[1], 'version', 1)
redis.call('RPUSH', KEYS[2], ARGV[3])
redis.call('LTRIM', KEYS[2], -tonumber(ARGV[4]), -1)
applyJobs(KEYS[3], ARGV[5])
return { 'DONE', tostring(id) }
