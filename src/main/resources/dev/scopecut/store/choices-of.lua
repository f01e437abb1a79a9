-- Reads a cut and one voter's choices on its items in one step, and nothing of anyone else's.
-- Returns { the cut hash as HGETALL gives it, { itemId, choice, itemId, choice... } } with the
-- items the voter has voted on, in the cut's order; { {}, {} } when there is no such cut.
-- KEYS[1] cut hash, KEYS[2] votes hash
-- ARGV[1] voter
local cut = redis.call('HGETALL', KEYS[1])
if #cut == 0 then
  return { {}, {} }
end
local ids = {}
local fields = {}
for id in string.gmatch(redis.call('HGET', KEYS[1], 'itemIds') or '', '%d+') do
  ids[#ids + 1] = id
  fields[#fields + 1] = id .. ':' .. ARGV[1]
end
local choices = {}
if #fields > 0 then
  local values = redis.call('HMGET', KEYS[2], unpack(fields))
  for i, id in ipairs(ids) do
    if values[i] then
      choices[#choices + 1] = id
      choices[#choices + 1] = values[i]
    end
  end
end
return { cut, choices }
