"""Where the per-request CPU goes, from async-profiler's collapsed stacks (one file per case, all
taken on the same warm server): the top frames of a case, and — the point — the module's own frames
next to the floor's, in microseconds of server CPU per request (share of samples × the CPU per
request measured over the same profiling run).

    python3 bench/profile.py <db> <dir> [war|gateway]
    # reads <dir>/profile-<case>.collapsed and <dir>/profile-<case>.cpu

war (the default): the WAR's own requests (b, c, f) against the floor (e). gateway: api-auth's check
for a gateway (i, j) against the gateway floor's always-200 check on the same Liberty (h).
"""
import collections
import pathlib
import sys

db, directory = sys.argv[1], pathlib.Path(sys.argv[2])
SET = sys.argv[3] if len(sys.argv) > 3 else "war"
# The first case of each set is its floor.
CASES = {
    "war": [("floor", "e. floor"), ("pat", "b. PAT"), ("apikey", "c. API key"), ("users", "f. key, 16 users")],
    "gateway": [("gw_floor", "h. gateway floor"), ("gw_pat", "i. gateway, PAT"), ("gw_apikey", "j. gateway, API key")],
}[SET]
FLOOR = CASES[0][0]

# Parts of a request, by the first matching frame on the stack (outermost first). Each sample is
# counted once, under the innermost part it is in.
PARTS = [
    ("module: size limits (RequestLimits)", "com/meetergo/apiauth/security/RequestLimits."),
    ("module: parse + identity store (cache hit, digest)", "com/meetergo/apiauth/security/CredentialTypeIdentityStoreHandler.validate"),
    ("module: digest (HMAC-SHA-256)", "com/meetergo/apiauth/security/credential/SecretDigester.digest"),
    ("module: metrics", "com/meetergo/apiauth/security/AuthenticationMetrics."),
    ("module: usage (last used, impersonation audit)", "com/meetergo/apiauth/application/UsageRecorder."),
    ("module: user-context filter", "com/meetergo/apiauth/security/UserContextFilter."),
    ("module: scope filter", "com/meetergo/apiauth/security/ScopeFilter."),
    ("module: usage counting filter", "com/meetergo/apiauth/security/UsageCountingFilter."),
    ("module: gateway route (forwarded request, route table)", "com/meetergo/apiauth/security/gateway/GatewayRoutes."),
    ("module: gateway check + identity headers", "com/meetergo/apiauth/rest/GatewayCheckResource."),
    ("module: gateway refusal filter", "com/meetergo/apiauth/security/gateway/GatewayRefusalFilter."),
    ("module: caller producer", "com/meetergo/apiauth/security/CallerProducer."),
    ("module: mechanism, rest", "com/meetergo/apiauth/security/BearerAuthenticationMechanism.validateRequest"),
    ("floor: mechanism", "bench/floor/FixedTokenMechanism.validateRequest"),
    ("Jakarta Security / JASPIC around the mechanism", "com/ibm/ws/security/javaeesec/"),
    ("Liberty web security (authenticate, authorize)", "com/ibm/ws/webcontainer/security/"),
    ("resource + lookup + JSON (UserService / UserLookup)", "com/meetergo/apiauth/rest/UserResource.me"),
    ("resource + lookup + JSON (UserService / UserLookup)", "bench/floor/FloorResource.me"),
    ("floor: always-200 check", "bench/baseline/AllowResource.allow"),
    ("JAX-RS (RESTEasy) dispatch", "org/jboss/resteasy/"),
    ("servlet container", "com/ibm/ws/webcontainer/"),
    ("HTTP channel / network", "com/ibm/ws/http/"),
    ("JIT compiler threads (still warming up: not per-request work)", "CompileBroker::compiler_thread_loop"),
    ("GC threads", "GangWorker::run"),
    ("GC threads", "ConcurrentGCThread::run"),
]
JIT = "JIT compiler threads (still warming up: not per-request work)"
PART_NAMES = list(dict.fromkeys(name for name, _ in PARTS))


def load(case):
    stacks = []
    path = directory / f"profile-{case}.collapsed"
    for line in path.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        if stack:
            stacks.append((stack.split(";"), int(count)))
    cpu = float((directory / f"profile-{case}.cpu").read_text().split()[0])
    return stacks, cpu


def part_of(frames):
    found = None
    depth = -1
    for name, prefix in PARTS:
        for i, frame in enumerate(frames):
            if frame.startswith(prefix):
                if i > depth:
                    found, depth = name, i
                break
    return found or "other (idle threads, Liberty outside requests)"


data = {case: load(case) for case, _ in CASES}
print(f"### {db}: where a {'request' if SET == 'war' else 'gateway check'}'s server CPU goes (async-profiler, cpu samples)\n")
print("µs of server CPU per request, by part (share of the case's samples × its CPU per request):\n")
print("| part | " + " | ".join(label for _, label in CASES) + " |")
print("|---|" + "---:|" * len(CASES))
totals = {}
by_part = {}
for case, _ in CASES:
    stacks, cpu = data[case]
    total = sum(n for _, n in stacks) or 1
    counter = collections.Counter()
    for frames, n in stacks:
        counter[part_of(frames)] += n
    by_part[case] = {name: cpu * n / total for name, n in counter.items()}
    totals[case] = (cpu, total)
for name in PART_NAMES + ["other (idle threads, Liberty outside requests)"]:
    values = [by_part[case].get(name, 0.0) for case, _ in CASES]
    if any(v >= 0.5 for v in values):
        print(f"| {name} | " + " | ".join(f"{v:.1f}" for v in values) + " |")
print("| **all** (samples) | " + " | ".join(f"**{totals[c][0]:.0f}** ({totals[c][1]:,})" for c, _ in CASES) + " |")
steady = {case: totals[case][0] - by_part[case].get(JIT, 0.0) for case, _ in CASES}
print("| all but the JIT compiler | " + " | ".join(f"{steady[c]:.0f}" for c, _ in CASES) + " |")
print("\nModule share by this profile (floor's CPU per request ÷ the case's, JIT compilation left out): "
      + ", ".join(f"{label} {steady[FLOOR] / steady[case]:.2f}" for case, label in CASES if case != FLOOR)
      + ". The module's own parts (rows \"module: …\") against the floor's own part: "
      + ", ".join(f"{label} {sum(v for k, v in by_part[case].items() if k.startswith('module:')):.1f} µs"
                  for case, label in CASES if case != FLOOR)
      + f" against {sum(v for k, v in by_part[FLOOR].items() if k.startswith('floor:')):.1f} µs.")

for case, label in CASES:
    stacks, cpu = data[case]
    total = sum(n for _, n in stacks) or 1
    top = collections.Counter()
    for frames, n in stacks:
        top[frames[-1]] += n
    print(f"\n{label}: top frames (self), µs per request\n")
    print("| frame | µs | share |\n|---|---:|---:|")
    for frame, n in top.most_common(12):
        print(f"| `{frame}` | {cpu * n / total:.1f} | {100 * n / total:.1f} % |")
