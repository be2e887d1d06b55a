"""wrk's printed figures, read in one place for bench/run, bench/cluster and bench/cluster.py."""
import re
from typing import NamedTuple


class Figures(NamedTuple):
    requests: int
    rps: float
    p50_ms: float | None  # None without --latency
    p99_ms: float | None
    non2xx: int
    socket_errors: int


def _ms(value):
    number, unit = re.match(r"([\d.]+)(us|ms|s)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000}[unit]


def _percentile(text, p):
    found = re.search(rf"^\s+{p}%\s+(\S+)", text, re.M)
    return _ms(found.group(1)) if found else None


def parse(text):
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    errors = re.search(r"Socket errors:.*", text)
    return Figures(
        requests=int(re.search(r"(\d+) requests in", text).group(1)),
        rps=float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)),
        p50_ms=_percentile(text, 50),
        p99_ms=_percentile(text, 99),
        non2xx=int(non2xx.group(1)) if non2xx else 0,
        socket_errors=sum(int(v) for v in re.findall(r"(?:connect|read|write|timeout) (\d+)", errors.group(0)))
        if errors else 0)
