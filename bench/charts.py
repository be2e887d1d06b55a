"""bench/run's charts: SVG drawn here, from the rounds bench/run measured — no service, no library.

For each database, two panels side by side: requests/s and server CPU µs per request, one row per
case, a bar to the median of the rounds and a dot for every round (the spread a median hides).

    charts.rounds_svg(db, title, {case: [(req_s, cpu_us), ...]}, labels) -> str
"""
from html import escape

WIDTH = 800
ROW = 34
TOP = 58
LEFT = 150
PANEL = 270
GAP = 40
BAR = 16
COLOURS = {"baseline": "#9aa5b1", "pat": "#2f6fde", "apikey": "#1b998b", "jwt": "#e09f3e", "floor": "#6c4ab6", "users": "#c44536",
           "gw_limit": "#c9cdd2", "gw_floor": "#a28bd4", "gw_pat": "#7fa8ee", "gw_apikey": "#6cc9bd"}


def _nice(value):
    """A round upper bound for an axis: 1, 2, 2.5 or 5 times a power of ten, at or above value."""
    if value <= 0:
        return 1
    power = 10 ** (len(str(int(value))) - 1)
    for step in (1, 2, 2.5, 5, 10):
        if step * power >= value:
            return step * power
    return 10 * power


def _panel(x0, title, unit, rows, top):
    """rows: [(case, median, [round values])]; the axis starts at 0, so bars compare by length."""
    most = _nice(max(max(values) for _, _, values in rows) * 1.05)
    scale = PANEL / most
    out = [f'<text x="{x0}" y="{top - 28}" class="h">{escape(title)}</text>']
    for i in range(5):
        tick = most * i / 4
        x = x0 + tick * scale
        out.append(f'<line x1="{x:.1f}" y1="{top - 12}" x2="{x:.1f}" y2="{top + ROW * len(rows)}" class="grid"/>')
        out.append(f'<text x="{x:.1f}" y="{top - 15}" class="tick">{tick:,.0f}</text>')
    for row, (case, median, values) in enumerate(rows):
        y = top + row * ROW
        colour = COLOURS.get(case, "#555")
        out.append(f'<rect x="{x0}" y="{y}" width="{median * scale:.1f}" height="{BAR}" fill="{colour}" '
                   f'fill-opacity="0.75"><title>{escape(case)}: median {median:,.1f} {unit}</title></rect>')
        for value in values:
            out.append(f'<circle cx="{x0 + value * scale:.1f}" cy="{y + BAR / 2}" r="2.6" class="dot">'
                       f'<title>round: {value:,.1f} {unit}</title></circle>')
        out.append(f'<text x="{x0 + median * scale + 6:.1f}" y="{y + BAR + 11}" class="v">{median:,.0f}</text>')
    return out


def rounds_svg(db, title, rounds, labels):
    """rounds: {case: [(req/s, cpu µs), ...]} in case order; labels: {case: short label}."""
    cases = list(rounds)
    height = TOP + ROW * len(cases) + 36
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
           f'viewBox="0 0 {WIDTH} {height}" font-family="sans-serif" role="img">',
           f'<title>{escape(db)}: {escape(title)}</title>',
           '<style>.h{font-size:13px;font-weight:bold}.tick{font-size:10px;fill:#666;text-anchor:middle}'
           '.v{font-size:10px;fill:#333}.c{font-size:12px;text-anchor:end}.grid{stroke:#ddd}'
           '.dot{fill:#111;fill-opacity:0.8}.note{font-size:10px;fill:#666}</style>',
           '<rect width="100%" height="100%" fill="#fff"/>']
    for row, case in enumerate(cases):
        out.append(f'<text x="{LEFT - 10}" y="{TOP + row * ROW + BAR - 3}" class="c">{escape(labels[case])}</text>')

    def median(values):
        ordered = sorted(values)
        middle = len(ordered) // 2
        return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2

    rps = [(case, median([r for r, _ in rounds[case]]), [r for r, _ in rounds[case]]) for case in cases]
    cpu = [(case, median([c for _, c in rounds[case]]), [c for _, c in rounds[case]]) for case in cases]
    out += _panel(LEFT, f"{db}: requests/s (more is better)", "req/s", rps, TOP)
    out += _panel(LEFT + PANEL + GAP + 40, "CPU µs per request (less is better)", "µs", cpu, TOP)
    out.append(f'<text x="{LEFT}" y="{height - 10}" class="note">{escape(title)}; bar: median of the rounds, '
               f'dots: each round</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"
