#!/usr/bin/env python3
"""Where Liberty's login spends a request (docs/upstream.md): from bench/run --profile's collapsed
stacks of one case, the µs per request under each of Liberty's login steps, and the call path into
the RSA signature.

    python3 bench/liberty_paths.py target/bench/h2/profile-floor.collapsed 519.0

The second argument is the case's server CPU per request under the profiler (bench/run prints it:
"floor under the profiler: req/s p50 p99 µs")."""
import collections
import sys

STEPS = [
    "AuthenticationServiceImpl.authenticate",      # the whole of Liberty's authentication of the login
    "JAASServiceImpl.performLogin",                # the JAAS login: Subject, WSPrincipal, WSCredential
    "AuthCacheServiceImpl.insert",                 # filing the Subject in the authentication cache
    "SSOTokenBytesCacheKeyProvider.provideKey",    # ... under its LTPA token's bytes
    "LTPAToken2.sign",                             # the RSA signature of that token
    "LTPACrypto.setRSAKey",                        # the RSA key rebuilt for the signature
    "AuthCacheServiceImpl.getSubject",             # a cache lookup (a warm request with a key)
]

collapsed, cpu = sys.argv[1], float(sys.argv[2])
total, under, paths = 0, collections.Counter(), collections.Counter()
for line in open(collapsed):
    stack, n = line.rsplit(" ", 1)
    n = int(n)
    total += n
    frames = stack.split(";")
    for step in STEPS:
        if any(step in f for f in frames):
            under[step] += n
    for i, f in enumerate(frames):
        if "LTPAToken2.sign" in f:
            liberty = [x.split("/")[-1] for x in frames[:i] if x.startswith("com/ibm/ws/security")]
            paths[" > ".join(liberty[-6:])] += n
            break

print(f"{collapsed}: {total} samples, {cpu:.1f} µs of server CPU per request\n")
print("| Liberty's step | µs per request | share |\n|---|---:|---:|")
for step in STEPS:
    print(f"| `{step}` | {under[step] / total * cpu:.1f} | {under[step] / total:.1%} |")
if paths:
    print("\nInto the signature:\n")
    for path, n in paths.most_common(3):
        print(f"- {n / total * cpu:.1f} µs: {path}")
