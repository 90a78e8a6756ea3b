"""A worksheet's header and footer (ECMA-376 18.3.1.36, 18.3.1.46): printed, or never printed.

A header a printed page shows is a warning (``xlsx.header_footer``): "OFFICIAL", "Page &P of &N" and the
authority's name are in ordinary files. Text no printed page shows blocks (``xlsx.hidden_header_footer``):
even or first pages the sheet does not set apart, white or near-white text or a theme colour the gate does
not resolve, text under 6 pt (``docs/release-gate-classes.md``). The copy keeps no header or footer.
"""

from __future__ import annotations

import re

from lxml import etree

# A header's codes (ECMA-376 18.3.1.36): sections, fields, fonts, sizes, colours; "&&" is an ampersand.
HEADER_FIELD_CODE = re.compile(r'&(?:"[^"]*"|K(?:[0-9A-Fa-f]{6}|\d\d[+-]\d{3})|\d+|[LCRPNDTFAZGBIUESXYH+-])')
HEADER_FAINT_COLOUR = re.compile(r"&K(?:[EFef][0-9A-Fa-f][EFef][0-9A-Fa-f][EFef][0-9A-Fa-f]|\d\d[+-]\d{3})")
HEADER_FONT_SIZE = re.compile(r"&(\d+)")


def header_footer_text(element: etree._Element) -> tuple[str, str] | None:
    """A header or footer with text of its own: printed (a warning), or never printed (a block).

    Even-page headers print only under ``differentOddEven``, first-page ones under ``differentFirst``
    (ECMA-376 18.3.1.46); text coloured white or near it (every channel at E0 or more) or by a theme
    colour the gate does not resolve (``&K``), or smaller than 6 pt (``&5``), is not read on paper.
    Field codes alone (page numbers, dates, the file's name) are no text.
    """
    apart = {
        "even": element.get("differentOddEven") in ("1", "true"),
        "first": element.get("differentFirst") in ("1", "true"),
        "odd": True,
    }
    printed = False
    for child in element:
        local = etree.QName(child).localname if isinstance(child.tag, str) else ""
        code = child.text or ""
        if not HEADER_FIELD_CODE.sub("", code).strip():
            continue
        faint = HEADER_FAINT_COLOUR.search(code) or any(
            int(size) < 6 for size in HEADER_FONT_SIZE.findall(code)
        )
        kind = next((k for k in apart if local in (k + "Header", k + "Footer")), "")
        if not apart.get(kind, False) or faint:  # an element of another name is not known to print
            return "xlsx.hidden_header_footer", local
        printed = True
    return ("xlsx.header_footer", "header/footer") if printed else None
