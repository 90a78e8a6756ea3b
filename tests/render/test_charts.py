"""The timeliness chart: well-formed, accessible SVG with the 90% line, readable as text."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import pytest
from defusedxml.ElementTree import fromstring

from foidesk.core.timeliness import PeriodFigures
from foidesk.render.charts import ChartSize, bar_label, describe, timeliness_chart

SVG = "{http://www.w3.org/2000/svg}"


def figures(label: str, month: int, in_time: int, late: int, pending: int = 0) -> PeriodFigures:
    start = dt.date(2024, month, 1)
    end = dt.date(2024, month + 1, 1) - dt.timedelta(days=1)
    return PeriodFigures(label, start, end, in_time, 0, late, pending)


PERIODS = [
    figures("January 2024", 1, 19, 1),  # 95%
    figures("February 2024", 2, 8, 2),  # 80%
    figures("March 2024", 3, 0, 0, pending=3),  # nothing decided
]


def parse(svg: str) -> ET.Element:
    root: ET.Element = fromstring(svg)
    return root


def test_chart_is_an_accessible_image() -> None:
    root = parse(timeliness_chart(PERIODS, chart_id="t1"))
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "t1-title t1-desc"
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title is not None and title.get("id") == "t1-title" and title.text == "Requests answered in time"
    assert desc is not None and desc.get("id") == "t1-desc"
    assert "January 2024: 95.0% (19 of 20), meets the threshold" in (desc.text or "")
    assert "February 2024: 80.0% (8 of 10), below the threshold" in (desc.text or "")
    assert "March 2024: none decided yet" in (desc.text or "")


def test_one_bar_per_decided_period_with_its_figure_in_text() -> None:
    root = parse(timeliness_chart(PERIODS))
    bars = root.findall(f".//{SVG}rect")
    assert len(bars) == 2
    assert [b.get("fill") for b in bars] == ["#00703c", "#d4351c"]
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "95%" in texts and "80%" in texts and "Jan 2024" in texts and "–" in texts


def test_the_90_percent_line_is_drawn_at_90_percent() -> None:
    size = ChartSize()
    root = parse(timeliness_chart(PERIODS, size=size))
    group = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "foidesk-chart__threshold")
    line = group.find(f"{SVG}line")
    assert line is not None
    expected_y = size.top + size.plot_height * 0.1
    assert float(line.get("y1", "nan")) == pytest.approx(expected_y, abs=0.05)
    label = group.find(f"{SVG}text")
    assert label is not None and label.text == "ICO 90%"


def test_bar_height_is_proportional_to_the_share() -> None:
    size = ChartSize()
    root = parse(timeliness_chart([figures("January 2024", 1, 1, 1)], size=size))
    bar = root.find(f".//{SVG}rect")
    assert bar is not None
    assert float(bar.get("height", "nan")) == pytest.approx(size.plot_height * 0.5, abs=0.1)


def test_text_is_escaped() -> None:
    svg = timeliness_chart([figures("<b>&</b>", 1, 1, 0)], title='Late & "slow" <script>')
    root = parse(svg)
    assert "<script>" not in svg
    title = root.find(f"{SVG}title")
    assert title is not None and title.text == 'Late & "slow" <script>'


def test_bad_chart_id_is_refused() -> None:
    with pytest.raises(ValueError):
        timeliness_chart(PERIODS, chart_id='x" onload="alert(1)')


def test_empty_chart_still_has_a_text_alternative() -> None:
    root = parse(timeliness_chart([]))
    assert root.findall(f".//{SVG}rect") == []
    assert "No requests" in describe([])


def test_many_periods_rotate_their_labels() -> None:
    months = [figures(f"M{m}", m, 9, 1) for m in range(1, 12)]
    root = parse(timeliness_chart(months))
    rotated = [t for t in root.iter(f"{SVG}text") if (t.get("transform") or "").startswith("rotate")]
    assert len(rotated) == 11


def test_a_share_just_below_90_percent_never_reads_as_90() -> None:
    assert bar_label(0.896) == "89.6%"
    assert bar_label(0.8999) == "89.9%"
    assert bar_label(0.9) == "90%"
    assert bar_label(0.874) == "87%"
