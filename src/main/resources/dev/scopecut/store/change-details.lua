-- Changes an open cut's title, question, capacity and quorum, counts the change and appends the
-- edit to the cut's history, keeping its latest ARGV[10] entries, and changes the cut's jobs
-- (applyJobs, from apply-jobs.lua). Nothing changes, and nothing
-- is recorded, when the cut already has the new details (UNCHANGED), when they are no longer the
-- ones the edit was made from or the cut now has fewer items than the new capacity, after a
-- concurrent edit (CHANGED_MEANWHILE), or when the cut is not open (NOT_OPEN).
-- Returns DONE, UNCHANGED, CHANGED_MEANWHILE or NOT_OPEN.
-- KEYS[1] cut hash, KEYS[2] history list, KEYS[3] the workspace's jobs
-- ARGV[1..4] title, question, capacity, quorum as read; ARGV[5..8] the new ones;
-- ARGV[9] history entry, ARGV[10] history length kept, ARGV[11] job changes
local cut = redis.call('HMGET', KEYS[1], 'status', 'title', 'question', 'capacity', 'quorum', 'itemIds')
if cut[1] ~= 'OPEN' then
  return 'NOT_OPEN'
end
local function holds(first)
  for i = 0, 3 do
    if cut[i + 2] ~= ARGV[first + i] then
      return false
    end
  end
  return true
end
if holds(5) then
  return 'UNCHANGED'
end
local _, commas = string.gsub(cut[6] or ',', ',', '')
if not holds(1) or tonumber(ARGV[7]) > commas - 1 then
  return 'CHANGED_MEANWHILE'
end
redis.call('HSET', KEYS[1], 'title', ARGV[5], 'question', ARGV[6], 'capacity', ARGV[7], 'quorum', ARGV[8])
redis.call('HINCRBY', KEYS[1], 'version', 1)
redis.call('RPUSH', KEYS[2], ARGV[9])
redis.call('LTRIM', KEYS[2], -tonumber(ARGV[10]), -1)
applyJobs(KEYS[3], ARGV[11])
return 'DONE'
