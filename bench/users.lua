-- bench/run's case f: one API key acting as each of the users in BENCH_USERS (comma-separated ids)
-- in turn, request after request: as many Liberty Subjects as users, where cases b and c have one.
local users = {}
for id in string.gmatch(os.getenv("BENCH_USERS") or "", "[^,]+") do
    users[#users + 1] = id
end
local next_user = 0

request = function()
    next_user = next_user % #users + 1
    wrk.headers["x-meetergo-api-user-id"] = users[next_user]
    return wrk.format(nil)
end
