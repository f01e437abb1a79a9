-- Not a script of its own: Scripts puts this function before the scripts that need it
-- (vote.lua, remove-item.lua), since a Redis script cannot include another.
-- Whether every member has voted on every item, where the votes hash may also hold votes of
-- people who are not members (anyone in the channel may vote, someone who joined later too):
-- HLEN alone would count those. Members' votes are a subset of the hash, so fewer fields than
-- members x items settles it at once (one HLEN, the usual case); otherwise each member's
-- fields are read with one HMGET, stopping at the first member with an item not voted on.
-- At most 500 members (the Slack adapter counts no more), so the worst case is one complete
-- pass when the cut is about to close.
local function everyMemberVoted(members, itemIds, votes)
  local ids = {}
  for id in string.gmatch(itemIds, '%d+') do
    ids[#ids + 1] = id
  end
  local count = 0
  for _ in string.gmatch(members, '[^,]+') do
    count = count + 1
  end
  if #ids == 0 or redis.call('HLEN', votes) < count * #ids then
    return false
  end
  for member in string.gmatch(members, '[^,]+') do
    local fields = {}
    for i, id in ipairs(ids) do
      fields[i] = id .. ':' .. member
    end
    for _, choice in ipairs(redis.call('HMGET', votes, unpack(fields))) do
      if not choice then
        return false
      end
    end
  end
  return true
end
