"""What colour a PDF paints with: device and ICC spaces, Indexed palettes, and spot colours.

A colour is worked out as RGB (0..1) so the gate can compare text with what lies under it. Separation
and DeviceN colours go through their tint transforms (pdf_functions), Indexed colours through their
palette; a pattern, the colorant /None, or anything that cannot be evaluated gives None, which the
gate reports as unaccounted rather than guessing.
"""

from __future__ import annotations

from collections.abc import Sequence

import pikepdf

from foidesk.core.release_check.pdf_fonts import pdf_number
from foidesk.core.release_check.pdf_functions import evaluate

Colour = tuple[float, float, float]
WHITE: Colour = (1.0, 1.0, 1.0)
BLACK: Colour = (0.0, 0.0, 0.0)
DEVICE_SPACES = frozenset({"gray", "rgb", "cmyk"})


def device_colour(operands: Sequence[object], space: str) -> Colour | None:
    values = [pdf_number(v) for v in operands if not isinstance(v, pikepdf.Name)]
    if space == "gray" and len(values) == 1:
        return (values[0], values[0], values[0])
    if space == "rgb" and len(values) == 3:
        return (values[0], values[1], values[2])
    if space == "cmyk" and len(values) == 4:
        c, m, y, k = values
        return ((1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k))
    return None  # a spot colour, a pattern, an indexed palette: opaque, but of no colour we can compare


def colour_space(resources: pikepdf.Dictionary, name: object) -> str:
    """'gray', 'rgb' or 'cmyk' for device spaces and ICC profiles of 1, 3 or 4 components; else 'other'."""
    device = {"/DeviceGray": "gray", "/DeviceRGB": "rgb", "/DeviceCMYK": "cmyk", "/CalGray": "gray"}
    device |= {"/CalRGB": "rgb", "/G": "gray", "/RGB": "rgb", "/CMYK": "cmyk"}
    if str(name) in device:
        return device[str(name)]
    spaces = resources.get("/ColorSpace")
    space = spaces.get(str(name)) if isinstance(spaces, pikepdf.Dictionary) else None
    if isinstance(space, pikepdf.Name):
        return device.get(str(space), "other")
    if isinstance(space, pikepdf.Array) and len(space) == 2 and space[0] == pikepdf.Name.ICCBased:
        components = int(pdf_number(space[1].get("/N", 0)))
        return {1: "gray", 3: "rgb", 4: "cmyk"}.get(components, "other")
    if isinstance(space, pikepdf.Array) and len(space) >= 1 and str(space[0]) in device:
        return device[str(space[0])]
    return "other"


def tint_space(resources: pikepdf.Dictionary, name: object) -> pikepdf.Array | None:
    """The named colour space if it is a Separation or DeviceN (spot colours), else None."""
    spaces = resources.get("/ColorSpace")
    space = spaces.get(str(name)) if isinstance(spaces, pikepdf.Dictionary) else None
    if isinstance(space, pikepdf.Array) and len(space) >= 4 and str(space[0]) in ("/Separation", "/DeviceN"):
        return space
    return None


def named_space(resources: pikepdf.Dictionary, name: object) -> object:
    spaces = resources.get("/ColorSpace")
    return spaces.get(str(name)) if isinstance(spaces, pikepdf.Dictionary) else None


def is_pattern(resources: pikepdf.Dictionary, name: object) -> bool:
    space = named_space(resources, name)
    return str(name) == "/Pattern" or (
        isinstance(space, pikepdf.Array) and len(space) >= 1 and str(space[0]) == "/Pattern"
    )


def indexed_space(resources: pikepdf.Dictionary, name: object) -> pikepdf.Array | None:
    space = named_space(resources, name)
    if isinstance(space, pikepdf.Array) and len(space) == 4 and str(space[0]) in ("/Indexed", "/I"):
        return space
    return None


def indexed_colour(
    space: pikepdf.Array, operands: Sequence[object], resources: pikepdf.Dictionary
) -> Colour | None:
    """An Indexed colour: the palette entry (ISO 32000-1 8.6.6.3) in its base space, if that is a device
    or ICC space; None otherwise, which the gate reports as unaccounted."""
    values = [pdf_number(v) for v in operands if not isinstance(v, pikepdf.Name)]
    base = space[1]
    kind = colour_space(pikepdf.Dictionary(ColorSpace=pikepdf.Dictionary(B=base)), "/B")
    components = {"gray": 1, "rgb": 3, "cmyk": 4}.get(kind)
    lookup = space[3]
    try:
        table = lookup.read_bytes() if isinstance(lookup, pikepdf.Stream) else bytes(lookup)
    except (pikepdf.PdfError, TypeError):
        return None
    if components is None or len(values) != 1:
        return None
    index = min(int(pdf_number(space[2])), max(0, int(values[0])))
    entry = table[index * components : (index + 1) * components]
    return device_colour([b / 255 for b in entry], kind) if len(entry) == components else None


def colorants(space: pikepdf.Array) -> int:
    names = space[1]
    return len(names) if isinstance(names, pikepdf.Array) else 1


def tint_colour(space: pikepdf.Array, tints: list[float], resources: pikepdf.Dictionary) -> Colour | None:
    """What a spot colour looks like: its tints run through the tint transform into the alternate space.

    The transform is evaluated (pdf_functions: sampled, exponential, stitching and PostScript calculator
    functions) for Separation and DeviceN alike. None when it cannot be (an unknown function, an
    alternate space that is not a device or ICC space) or for the colorant /None, which paints nothing:
    the gate reports that as unaccounted rather than guessing.
    """
    names = space[1]
    if not isinstance(names, pikepdf.Array) and str(names) == "/None":
        return None
    if len(tints) != colorants(space):
        return None
    alternate = colour_space(resources, space[2]) if isinstance(space[2], pikepdf.Name) else "other"
    if isinstance(space[2], pikepdf.Array):
        alternate = colour_space(pikepdf.Dictionary(ColorSpace=pikepdf.Dictionary(A=space[2])), "/A")
    if alternate not in DEVICE_SPACES:
        return None
    outputs = evaluate(space[3], [min(1.0, max(0.0, t)) for t in tints])
    return None if outputs is None else device_colour(outputs, alternate)
