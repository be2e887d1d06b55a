"""bench/run's report: medians per case, the ratios and targets, bench/results/<time>-<db>.md, the
README's table (between the bench markers), and last the machine-readable ratios line."""
import pathlib
import re
import statistics
import sys

summary, stamp, quick, threads, connections, duration, rounds, warm = sys.argv[1:9]
root = pathlib.Path(__file__).resolve().parent.parent
rows = [line.split("\t") for line in pathlib.Path(summary).read_text().splitlines() if line.strip()]

CASES = [("baseline", "a. baseline: same lookup and JSON, no authentication"),
         ("pat", "b. GET /v4/user/me, PAT"),
         ("apikey", "c. GET /v4/user/me, API key + x-meetergo-api-user-id"),
         ("jwt", "d. same work behind Liberty mpJwt (RS256)"),
         ("floor", "e. floor: trivial mechanism, one fixed token")]
RATIOS = [("pat/baseline", "pat", "baseline", None), ("apikey/baseline", "apikey", "baseline", None),
          ("pat/floor", "pat", "floor", 0.95), ("apikey/floor", "apikey", "floor", 0.95),
          ("pat/jwt", "pat", "jwt", 1.0), ("apikey/jwt", "apikey", "jwt", 1.0),
          ("floor/baseline", "floor", "baseline", 0.60)]

dbs = list(dict.fromkeys(r[0] for r in rows))
medians = {}
for db in dbs:
    for case, _ in CASES:
        runs = [r for r in rows if r[0] == db and r[1] == case]
        medians[db, case] = tuple(statistics.median(float(r[i]) for r in runs) for i in (3, 4, 5))

mode = "quick" if quick == "1" else "full"
setup = (f"{mode} run {stamp}: wrk -t{threads} -c{connections}, {rounds} interleaved rounds of {duration} s per case "
         f"after {warm} s of warm-up; medians of the rounds; Open Liberty 26.0.0.3, 2 cores, wrk on the same machine")
tables = []
lines_out = {}
for db in dbs:
    out = [f"**{db}** — {setup}", "", "| case | req/s | p50 ms | p99 ms |", "|---|---:|---:|---:|"]
    for case, label in CASES:
        rps, p50, p99 = medians[db, case]
        out.append(f"| {label} | {rps:,.0f} | {p50:.2f} | {p99:.2f} |")
    out += ["", "| ratio (req/s) | value | target |", "|---|---:|---|"]
    values = []
    for name, num, den, target in RATIOS:
        value = medians[db, num][0] / medians[db, den][0]
        values.append(f"{name}={value:.2f}")
        verdict = "" if target is None else (f"≥ {target:.2f} " + ("met" if value >= target else "**missed**"))
        out.append(f"| {name} | {value:.2f} | {verdict} |")
    for case in ("pat", "apikey"):
        budget = medians[db, "floor"][2] + 0.5
        met = medians[db, case][2] <= budget
        out.append(f"| p99 {case} ≤ p99 floor + 0.5 ms | {medians[db, case][2]:.2f} ms | ≤ {budget:.2f} ms "
                   + ("met" if met else "**missed**") + " |")
    lines_out[db] = "ratios: " + " ".join(values)
    text = "\n".join(out) + "\n"
    tables.append(text)
    results = root / "bench" / "results" / f"{stamp}-{db}.md"
    profile = pathlib.Path(summary).parent / f"profile-{db}.md"
    profile_text = "\n## Where the time goes\n\n" + profile.read_text() if profile.exists() else ""
    results.write_text(f"# bench/run, {db}\n\n{text}\n```\n{lines_out[db]}\n```\n{profile_text}")
    print()
    print(text)

readme = root / "README.md"
body = readme.read_text()
start, end = "<!-- bench:start -->", "<!-- bench:end -->"
if start in body and end in body:
    block = start + "\n" + "\n".join(tables) + end
    body = re.sub(re.escape(start) + ".*?" + re.escape(end), lambda _: block, body, flags=re.S)
    readme.write_text(body)

for db in dbs:
    print(f"{db}: {lines_out[db]}")
# The last line, machine-readable: the ratios of the last database run.
print(lines_out[dbs[-1]])
