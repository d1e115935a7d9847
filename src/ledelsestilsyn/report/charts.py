"""Inline SVG charts: stacked answer bars, shares with interval whiskers, trend lines.

Colours are from the Okabe-Ito palette (safe for the common colour-vision
deficiencies); the negative answers also carry a hatch or dot pattern so the
charts still read in black-and-white print; every chart has a text title and
the numbers written next to it. Output is deterministic text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

from ledelsestilsyn.report.formats import as_shown, decimal, percent

STYLES: dict[str, tuple[str, str, str]] = {
    # kind: (fill, pattern id or "", text colour)
    "pos": ("#0072B2", "", "#ffffff"),
    "mid": ("#E69F00", "m-prikker", "#000000"),
    "low": ("#D55E00", "m-skravering", "#000000"),
    "neu": ("#DDDDDD", "", "#000000"),
}

DEFS = (
    '<svg width="0" height="0" style="position:absolute" aria-hidden="true"><defs>'
    '<pattern id="m-skravering" width="6" height="6" patternUnits="userSpaceOnUse" '
    'patternTransform="rotate(45)"><rect width="2.5" height="6" fill="#ffffff" '
    'fill-opacity="0.55"/></pattern>'
    '<pattern id="m-prikker" width="5" height="5" patternUnits="userSpaceOnUse">'
    '<circle cx="2.5" cy="2.5" r="1.1" fill="#000000" fill-opacity="0.45"/></pattern>'
    "</defs></svg>"
)


@dataclass(frozen=True)
class Segment:
    label: str
    count: int
    kind: str


def _n(value: float) -> str:
    """A coordinate with at most one decimal, no trailing zeros (stable output)."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def stacked_bar(segments: Sequence[Segment], *, width: int = 260, height: int = 18) -> str:
    """One horizontal bar split by answer; counts inside segments wide enough to hold them."""
    total = sum(s.count for s in segments)
    title = ", ".join(f"{s.label} {s.count}" for s in segments)
    parts = [
        f'<svg class="diagram fordeling" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}"><title>{escape(title)}</title>'
    ]
    x = 0.0
    for s in segments:
        if not s.count or not total:
            continue
        w = width * s.count / total
        fill, pattern, ink = STYLES[s.kind]
        parts.append(f'<rect x="{_n(x)}" y="0" width="{_n(w)}" height="{height}" fill="{fill}"/>')
        if pattern:
            parts.append(
                f'<rect x="{_n(x)}" y="0" width="{_n(w)}" height="{height}" '
                f'fill="url(#{pattern})"/>'
            )
        if w >= 8 * len(str(s.count)) + 4:
            parts.append(
                f'<text x="{_n(x + w / 2)}" y="{height - 5}" text-anchor="middle" '
                f'font-size="11" fill="{ink}">{s.count}</text>'
            )
        x += w
    parts.append("</svg>")
    return "".join(parts)


@dataclass(frozen=True)
class ShareRow:
    label: str
    share: float
    low: float
    high: float


def share_chart(rows: Sequence[ShareRow], threshold: float, *, width: int = 560) -> str:
    """Shares as dots with 95 % interval whiskers against a dashed threshold line."""
    label_w, value_w, row_h, top = 190, 70, 22, 18
    plot_w = width - label_w - value_w
    height = top + row_h * len(rows) + 6

    def x(v: float) -> float:
        return label_w + plot_w * as_shown(v)

    parts = [
        f'<svg class="diagram andele" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}"><title>Andele med 95 %-konfidensinterval</title>'
    ]
    for tick in (0.0, 0.25, 0.5, 0.75, 1.0):
        parts.append(
            f'<line x1="{_n(x(tick))}" y1="{top - 4}" x2="{_n(x(tick))}" y2="{height - 4}" '
            f'stroke="#cccccc" stroke-width="0.5"/><text x="{_n(x(tick))}" y="{top - 7}" '
            f'font-size="9" text-anchor="middle" fill="#444444">{decimal(tick * 100, 0)} %</text>'
        )
    parts.append(
        f'<line x1="{_n(x(threshold))}" y1="{top - 4}" x2="{_n(x(threshold))}" '
        f'y2="{height - 4}" stroke="#000000" stroke-dasharray="4 3" stroke-width="1"/>'
    )
    for i, row in enumerate(rows):
        y = top + row_h * i + row_h / 2
        below = row.share < threshold
        parts.append(
            f'<text x="{label_w - 6}" y="{_n(y + 4)}" font-size="11" text-anchor="end">'
            f"{escape(row.label)}</text>"
            f'<line x1="{_n(x(row.low))}" y1="{_n(y)}" x2="{_n(x(row.high))}" y2="{_n(y)}" '
            f'stroke="#333333" stroke-width="1.5"/>'
            f'<line x1="{_n(x(row.low))}" y1="{_n(y - 4)}" x2="{_n(x(row.low))}" '
            f'y2="{_n(y + 4)}" stroke="#333333"/>'
            f'<line x1="{_n(x(row.high))}" y1="{_n(y - 4)}" x2="{_n(x(row.high))}" '
            f'y2="{_n(y + 4)}" stroke="#333333"/>'
            + _marker(x(row.share), y, below)
            + f'<text x="{width - value_w + 6}" y="{_n(y + 4)}" font-size="11">'
            f"{percent(row.share)}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def _marker(cx: float, cy: float, below: bool) -> str:
    """A filled circle, or an open triangle when under the threshold (not colour alone)."""
    if below:
        return (
            f'<path d="M{_n(cx)} {_n(cy - 6)} L{_n(cx + 6)} {_n(cy + 5)} L{_n(cx - 6)} '
            f'{_n(cy + 5)} Z" fill="#D55E00" stroke="#000000" stroke-width="1"/>'
        )
    return f'<circle cx="{_n(cx)}" cy="{_n(cy)}" r="5" fill="#0072B2" stroke="#000000"/>'


def trend_chart(
    points: Sequence[tuple[str, float | None]], threshold: float, *, width: int = 240
) -> str:
    """A small line chart of a share over periods; gaps where a share is not shown."""
    height, left, right, top, bottom = 86, 30, 10, 10, 22
    plot_w, plot_h = width - left - right, height - top - bottom
    step = plot_w / max(1, len(points) - 1)

    def xy(i: int, v: float) -> tuple[float, float]:
        y = top + plot_h * (1 - as_shown(v))
        return left + (step * i if len(points) > 1 else plot_w / 2), y

    title = "; ".join(f"{label}: {percent(v) if v is not None else '–'}" for label, v in points)
    parts = [
        f'<svg class="diagram tendens" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}"><title>{escape(title)}</title>'
        f'<rect x="{left}" y="{top}" width="{plot_w}" height="{plot_h}" fill="none" '
        f'stroke="#cccccc" stroke-width="0.5"/>'
        f'<text x="{left - 3}" y="{top + 4}" font-size="8" text-anchor="end">100 %</text>'
        f'<text x="{left - 3}" y="{top + plot_h}" font-size="8" text-anchor="end">0 %</text>'
    ]
    ty = top + plot_h * (1 - threshold)
    parts.append(
        f'<line x1="{left}" y1="{_n(ty)}" x2="{left + plot_w}" y2="{_n(ty)}" stroke="#000000" '
        f'stroke-dasharray="3 3" stroke-width="0.7"/>'
    )
    parts.extend(_trend_lines(points, xy))
    for i, (label, _) in enumerate(points):
        if i in (0, len(points) - 1):
            x, _y = xy(i, 0)
            anchor = "start" if i == 0 and len(points) > 1 else "end"
            parts.append(
                f'<text x="{_n(x)}" y="{height - 6}" font-size="8" text-anchor="{anchor}">'
                f"{escape(label)}</text>"
            )
    parts.append("</svg>")
    return "".join(parts)


def _trend_lines(
    points: Sequence[tuple[str, float | None]], xy: Callable[[int, float], tuple[float, float]]
) -> list[str]:
    parts: list[str] = []
    run: list[str] = []
    for i, (_, value) in enumerate(points):
        if value is None:
            if len(run) > 1:
                parts.append(_polyline(run))
            run = []
            continue
        x, y = xy(i, value)
        run.append(f"{_n(x)},{_n(y)}")
        parts.append(f'<circle cx="{_n(x)}" cy="{_n(y)}" r="2.5" fill="#0072B2"/>')
    if len(run) > 1:
        parts.append(_polyline(run))
    return parts


def _polyline(points: list[str]) -> str:
    return (
        f'<polyline points="{" ".join(points)}" fill="none" stroke="#0072B2" stroke-width="1.5"/>'
    )
