-- Removes one item of an open cut with every vote on it (the votes hash's "<itemId>:<voter>"
-- fields), unless it is the cut's last item; counts the change and appends the edit to the
-- cut's history, keeping its latest ARGV[3] entries, and changes the cut's jobs (applyJobs, from
-- apply-jobs.lua). The removed id stays used: 'lastItemId'
-- keeps the largest id ever given, so an added item never takes it.
-- On a cut set to close when everyone has voted, also says whether everyone who may vote (the
-- chosen voters, else the channel's members when the cut started) has now voted on every
-- remaining item, as vote.lua does.
-- Refuses a removal that would leave fewer items than the cut's capacity (BELOW_CAPACITY), so a
-- capacity raised meanwhile by change-details.lua can never end up above the item count.
-- Returns DONE, DONE_EVERYONE_VOTED, NOT_OPEN, NO_ITEM, LAST_ITEM or BELOW_CAPACITY.
-- KEYS[1] cut hash, KEYS[2] votes hash, KEYS[3] history list, KEYS[4] the workspace's jobs
-- ARGV[1] item id, ARGV[2] history entry, ARGV[3] history length kept, ARGV[4] job changes
-- everyMemberVoted(members, itemIds, votes) comes from every-member-voted.lua.

local cut = redis.call('HMGET', KEYS[1], 'status', 'itemIds', 'lastItemId', 'item:' .. ARGV[1], 'voters',
  'closeWhenAllVoted', 'members', 'capacity')
if cut[1] ~= 'OPEN' then
  return 'NOT_OPEN'
end
local ids = cut[2] or ','
if not cut[4] or not string.find(ids, ',' .. ARGV[1] .. ',', 1, true) then
  return 'NO_ITEM'
end
local count = 0
local largest = 0
for id in string.gmatch(ids, '%d+') do
  count = count + 1
  if tonumber(id) > largest then
    largest = tonumber(id)
  end
end
if count <= 1 then
  return 'LAST_ITEM'
end
if tonumber(cut[8] or '0') > count - 1 then
  return 'BELOW_CAPACITY'
end
if not cut[3] then
  redis.call('HSET', KEYS[1], 'lastItemId', largest)
end
local kept = string.gsub(ids, ',' .. ARGV[1] .. ',', ',', 1)
redis.call('HSET', KEYS[1], 'itemIds', kept)
redis.call('HDEL', KEYS[1], 'item:' .. ARGV[1])
local prefix = ARGV[1] .. ':'
local gone = {}
for _, field in ipairs(redis.call('HKEYS', KEYS[2])) do
  if string.sub(field, 1, #prefix) == prefix then
    gone[#gone + 1] = field
  end
end
for i = 1, #gone, 1000 do
  redis.call('HDEL', KEYS[2], unpack(gone, i, math.min(i + 999, #gone)))
end
redis.call('HINCRBY', KEYS[1], 'version', 1)
redis.call('RPUSH', KEYS[3], ARGV[2])
redis.call('LTRIM', KEYS[3], -tonumber(ARGV[3]), -1)
applyJobs(KEYS[4], ARGV[4])
local voters = cut[5] or ''
if cut[6] == '1' and voters ~= '' then
  local _, voterCommas = string.gsub(voters, ',', '')
  if redis.call('HLEN', KEYS[2]) >= (voterCommas + 1) * (count - 1) then
    return 'DONE_EVERYONE_VOTED'
  end
elseif cut[6] == '1' and (cut[7] or '') ~= '' and everyMemberVoted(cut[7], kept, KEYS[2]) then
  return 'DONE_EVERYONE_VOTED'
end
return 'DONE'
