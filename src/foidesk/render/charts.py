"""Server-rendered SVG charts: the share of requests answered in time per period, against the ICO's 90% line.

The chart is an image with a text alternative (``role="img"``, ``<title>`` and ``<desc>`` named by
``aria-labelledby``); every bar is labelled with its figure in text, so colour is never the only cue and
the chart reads without JavaScript or colour vision. Pages show the same numbers in a table beside it.
Plain string building: every piece of text is escaped for XML.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from foidesk.core.timeliness import ICO_TIMELINESS_THRESHOLD, PeriodFigures

_ID = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")
_TEXT = "#0b0c0c"
_MET = "#00703c"  # GOV.UK green
_MISSED = "#d4351c"  # GOV.UK red
_LINE = "#0b0c0c"
_GRID = "#b1b4b6"
_MONTH_SPAN_DAYS = 31
_ROTATE_LABELS_ABOVE = 8


@dataclass(frozen=True, slots=True)
class ChartSize:
    width: int = 720
    height: int = 320
    left: int = 48
    right: int = 72
    top: int = 24
    bottom: int = 64

    @property
    def plot_width(self) -> int:
        return self.width - self.left - self.right

    @property
    def plot_height(self) -> int:
        return self.height - self.top - self.bottom


def timeliness_chart(
    periods: Sequence[PeriodFigures],
    *,
    title: str = "Requests answered in time",
    chart_id: str = "timeliness-chart",
    size: ChartSize = ChartSize(),
) -> str:
    """An SVG bar chart of the share in time for each period, with the ICO's 90% line."""
    if not _ID.match(chart_id):
        raise ValueError(f"chart_id must be a valid XML id, not {chart_id!r}")
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size.width} {size.height}" '
        f'width="100%" role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" '
        f'class="foidesk-chart" font-family="inherit" font-size="12" fill="{_TEXT}">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(describe(periods))}</desc>',
        *_axis(size),
        *_bars(periods, size),
        *_threshold_line(size),
        "</svg>",
    ]
    return "\n".join(parts)


def describe(periods: Sequence[PeriodFigures]) -> str:
    """The chart in words: its text alternative."""
    threshold = f"{ICO_TIMELINESS_THRESHOLD:.0%}"
    if not periods:
        return f"No requests in the period. The ICO's threshold is {threshold} answered in time."
    lines = [f"Share of requests answered in time, against the ICO's threshold of {threshold}."]
    for period in periods:
        share = period.share_in_time
        if share is None:
            lines.append(f"{period.label}: none decided yet.")
        else:
            verdict = "meets" if share >= ICO_TIMELINESS_THRESHOLD else "below"
            counts = f"({period.in_time} of {period.decided})"
            lines.append(f"{period.label}: {share:.1%} {counts}, {verdict} the threshold.")
    return " ".join(lines)


def _y(share: float, size: ChartSize) -> float:
    return size.top + size.plot_height * (1 - share)


def _axis(size: ChartSize) -> list[str]:
    parts = ['<g class="foidesk-chart__axis" aria-hidden="true">']
    for tick in (0, 0.25, 0.5, 0.75, 1):
        y = _y(tick, size)
        parts.append(
            f'<line x1="{size.left}" y1="{y:.1f}" x2="{size.left + size.plot_width}" y2="{y:.1f}" '
            f'stroke="{_GRID}" stroke-width="1"/>'
        )
        parts.append(f'<text x="{size.left - 6}" y="{y + 4:.1f}" text-anchor="end">{tick:.0%}</text>')
    parts.append("</g>")
    return parts


def _short_label(period: PeriodFigures) -> str:
    if (period.end - period.start).days < _MONTH_SPAN_DAYS:
        return f"{period.start:%b %Y}"
    return period.label


def _bars(periods: Sequence[PeriodFigures], size: ChartSize) -> list[str]:
    if not periods:
        return []
    slot = size.plot_width / len(periods)
    bar_width = slot * 0.7
    rotate = len(periods) > _ROTATE_LABELS_ABOVE
    baseline = _y(0, size)
    parts = ['<g class="foidesk-chart__bars">']
    for index, period in enumerate(periods):
        x = size.left + slot * index + (slot - bar_width) / 2
        centre = x + bar_width / 2
        share = period.share_in_time
        label_y = baseline + 16
        anchor = "end" if rotate else "middle"
        transform = f' transform="rotate(-45 {centre:.1f} {label_y:.1f})"' if rotate else ""
        parts.append(
            f'<text x="{centre:.1f}" y="{label_y:.1f}" text-anchor="{anchor}"{transform} aria-hidden="true">'
            f"{escape(_short_label(period))}</text>"
        )
        if share is None:
            parts.append(_centred_text(centre, baseline - 6, "–"))
            continue
        top = _y(share, size)
        colour = _MET if share >= ICO_TIMELINESS_THRESHOLD else _MISSED
        parts.append(
            f'<rect x="{x:.1f}" y="{top:.1f}" width="{bar_width:.1f}" height="{baseline - top:.1f}" '
            f'fill="{colour}"><title>{escape(period.label)}: {share:.1%} in time '
            f"({period.in_time} of {period.decided})</title></rect>"
        )
        parts.append(_centred_text(centre, top - 4, bar_label(share)))
    parts.append("</g>")
    return parts


def bar_label(share: float) -> str:
    """The share as a whole percentage, except that a share below the threshold never reads as meeting it."""
    label = f"{share:.0%}"
    if share < ICO_TIMELINESS_THRESHOLD and round(share * 100) >= round(ICO_TIMELINESS_THRESHOLD * 100):
        label = f"{math.floor(share * 1000) / 10:.1f}%"
    return label


def _centred_text(x: float, y: float, text: str) -> str:
    return f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="middle" aria-hidden="true">{escape(text)}</text>'


def _threshold_line(size: ChartSize) -> list[str]:
    y = _y(ICO_TIMELINESS_THRESHOLD, size)
    right = size.left + size.plot_width
    return [
        '<g class="foidesk-chart__threshold" aria-hidden="true">',
        f'<line x1="{size.left}" y1="{y:.1f}" x2="{right}" y2="{y:.1f}" stroke="{_LINE}" '
        'stroke-width="2" stroke-dasharray="6 4"/>',
        f'<text x="{right + 6}" y="{y + 4:.1f}">ICO {ICO_TIMELINESS_THRESHOLD:.0%}</text>',
        "</g>",
    ]
