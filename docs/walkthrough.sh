#!/usr/bin/env bash
# The README's walkthrough: run it against a server freshly started with `mvn liberty:run`
# (from the checkout's root). Each call prints the answer and stops the script when the status,
# the Content-Type or the body differs from the one written beside it ("*": an id, a time, a secret).
set -euo pipefail
API=${API:-http://localhost:9080}
OWNER=${OWNER:-$(cat target/liberty/wlp/usr/servers/apiAuthServer/secrets/initial-owner-token)}
NOBODY=550e8400-e29b-41d4-a716-446655440000

# expect STATUS BODY CURL-ARGS...: one call; its body is left in $BODY
expect() {
    local status=$1 body=$2 answer glob
    shift 2
    glob=${body//\\/\\\\}; glob=${glob//\[/\\[}; glob=${glob//\]/\\]}; glob=${glob//\?/\\?}
    answer=$(curl -s -w '\n%{http_code} %{content_type}' "$@")
    BODY=${answer%$'\n'*}
    echo "${answer##*$'\n'} $BODY"
    [[ ${answer##*$'\n'} == "$status application/json" && $BODY == $glob ]] ||
        { echo "expected: $status application/json $body" >&2; exit 1; }
}
field() { sed "s/.*\"$1\":\"\([^\"]*\)\".*/\1/" <<< "$BODY"; }
JSON=(-H 'Content-Type: application/json')

# Who am I? The owner, through the first-start PAT
expect 200 '{"companyId":"*","createdAt":"*","email":"owner@example.com","familyName":"Owner","givenName":"Company","id":"*","role":"OWNER"}' \
    "$API/v4/user/me" -H "Authorization: Bearer $OWNER"

# A Platform API Key, valid 30 days: the key is shown this once
expect 201 '{"allowedIps":[],"createdAt":"*","expiresAt":"*","id":"*","key":"ak_live:*:*","name":"Production Integration","rotatedFrom":null,"scopes":["appointments:read","appointments:write","audit:read","credentials:read","credentials:write","meeting-types:read","meeting-types:write","users:read","users:write"]}' \
    "$API/v4/api-key" -H "Authorization: Bearer $OWNER" "${JSON[@]}" -d '{"name": "Production Integration", "expiresInDays": 30}'
KEY=$(field key)
# Listed with its hint, never the key
expect 200 '[{"allowedIps":[],"createdAt":"*","expiresAt":"*","graceUntil":null,"hint":"ak_live:*:*…","id":"*","lastUsedAt":null,"lastUsedIp":null,"name":"Production Integration","replacedBy":null,"rotatedFrom":null,"scopes":["appointments:read","appointments:write","audit:read","credentials:read","credentials:write","meeting-types:read","meeting-types:write","users:read","users:write"],"status":"ACTIVE"}]' \
    "$API/v4/api-key" -H "Authorization: Bearer $OWNER"
[[ $BODY != *"$KEY"* ]] || { echo "the list shows the key" >&2; exit 1; }

# Without x-meetergo-api-user-id the key acts as the owner (on /v4/user/me and POST /v4/user)
expect 201 '{"companyId":"*","createdAt":"*","email":"mia@example.com","familyName":"Member","givenName":"Mia","id":"*","role":"MEMBER","userId":"*"}' \
    "$API/v4/user" -H "Authorization: Bearer $KEY" "${JSON[@]}" \
    -d '{"email": "mia@example.com", "givenName": "Mia", "familyName": "Member"}'
MEMBER=$(field userId)

# The key acting as the member
expect 200 '[]' "$API/v4/meeting-type" -H "Authorization: Bearer $KEY" -H "x-meetergo-api-user-id: $MEMBER"

# A PAT for the member, made by the key acting as the member, that may only read meeting types: it
# acts as the member, and expires with the key that made it (never outliving the one that minted it)
expect 201 '{"allowedIps":[],"createdAt":"*","expiresAt":"20*","id":"*","name":"laptop","rotatedFrom":null,"scopes":["meeting-types:read"],"token":"rgo-*"}' \
    "$API/v4/personal-access-token" -H "Authorization: Bearer $KEY" -H "x-meetergo-api-user-id: $MEMBER" \
    "${JSON[@]}" -d '{"name": "laptop", "scopes": ["meeting-types:read"]}'
PAT=$(field token)
expect 200 "{\"companyId\":\"*\",\"createdAt\":\"*\",\"email\":\"mia@example.com\",\"familyName\":\"Member\",\"givenName\":\"Mia\",\"id\":\"$MEMBER\",\"role\":\"MEMBER\"}" \
    "$API/v4/user/me" -H "Authorization: Bearer $PAT"

# Each documented error, once
expect 401 '{"statusCode":401,"message":"Missing authorization header","error":"Unauthorized"}' \
    "$API/v4/user/me"
expect 401 '{"statusCode":401,"message":"Invalid API key","error":"Unauthorized"}' \
    "$API/v4/user/me" -H "Authorization: Bearer ak_live:nope"
expect 403 '{"statusCode":403,"message":"The '"'x-meetergo-api-user-id'"' header requires a Platform API Key. Personal Access Tokens always act as the token owner and cannot act on behalf of other users.","error":"Forbidden"}' \
    "$API/v4/user/me" -H "Authorization: Bearer $PAT" -H "x-meetergo-api-user-id: $NOBODY"
expect 400 '{"statusCode":400,"message":"Missing required header '"'x-meetergo-api-user-id'"' for API key authentication","error":"Bad Request"}' \
    "$API/v4/meeting-type" -H "Authorization: Bearer $KEY"
expect 500 '{"statusCode":500,"message":"API user does not belong to company","error":"Internal Server Error"}' \
    "$API/v4/meeting-type" -H "Authorization: Bearer $KEY" -H "x-meetergo-api-user-id: $NOBODY"
expect 403 '{"statusCode":403,"message":"Insufficient scope: this endpoint requires '"'appointments:read'"'","error":"Forbidden"}' \
    "$API/v4/appointment" -H "Authorization: Bearer $PAT"
# Fence the key to a network this machine is not in: its right secret is refused from here
expect 200 '{"allowedIps":["192.0.2.0/24"],*}' -X PUT "$API/v4/api-key/$(cut -d: -f2 <<< "$KEY")/allowed-ips" \
    -H "Authorization: Bearer $OWNER" "${JSON[@]}" -d '{"allowedIps": ["192.0.2.0/24"]}'
expect 403 '{"statusCode":403,"message":"Credential not allowed from this IP address","error":"Forbidden"}' \
    "$API/v4/user/me" -H "Authorization: Bearer $KEY"
echo "walkthrough: every answer as documented"
