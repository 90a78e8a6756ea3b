"""Which optional content (layers) a PDF viewer shows when the file is opened.

ISO 32000-1 8.11: an optional content group (OCG) is on or off by the default configuration
``/OCProperties /D``: its ``/BaseState`` (``/ON`` unless it says ``/OFF`` or ``/Unchanged``), then its
``/ON`` and ``/OFF`` arrays. Content is marked as belonging to a group, or to a membership dictionary
(OCMD) whose visibility is a policy over several groups (``/P``: ``/AnyOn``, the default, ``/AllOn``,
``/AnyOff``, ``/AllOff``) or a visibility expression (``/VE``: ``/And``, ``/Or``, ``/Not`` over groups).
Text in content that resolves to off is in the file but not on the page: the gate reports it, and the
clean copy leaves it out.
"""

from __future__ import annotations

import pikepdf

MAX_EXPRESSION_DEPTH = 32  # a visibility expression nested deeper than this is built to exhaust the reader


class Layers:
    """The on/off state of every optional content group, read from the default configuration."""

    def __init__(self, root: pikepdf.Object | None) -> None:
        self.groups: set[tuple[int, int]] = set()
        self.off: set[tuple[int, int]] = set()
        properties = root.get("/OCProperties") if root is not None else None
        if not isinstance(properties, pikepdf.Dictionary):
            return
        self.groups = _objgens(properties.get("/OCGs"))
        config = properties.get("/D")
        if not isinstance(config, pikepdf.Dictionary):
            return
        on, off = _objgens(config.get("/ON")), _objgens(config.get("/OFF"))
        if str(config.get("/BaseState", "/ON")) == "/OFF":
            self.off = (self.groups | off) - on
        else:
            self.off = off - on

    @property
    def any_off(self) -> bool:
        return bool(self.off)

    def visible(self, content: object) -> bool:
        """Whether content marked with ``content`` (an OCG or OCMD dictionary) is shown.

        A marking that is neither (a name that resolves to nothing, a damaged dictionary) is treated as
        shown, as viewers do; content the gate cannot place in a layer is judged like any other.
        """
        if not isinstance(content, pikepdf.Dictionary):
            return True
        kind = str(content.get("/Type", ""))
        if kind == "/OCG":
            return not content.is_indirect or content.objgen not in self.off
        if kind == "/OCMD":
            return self._membership(content)
        return True

    def _membership(self, ocmd: pikepdf.Dictionary) -> bool:
        expression = ocmd.get("/VE")
        if isinstance(expression, pikepdf.Array):
            return self._expression(expression, 0)
        groups = ocmd.get("/OCGs")
        members = list(groups) if isinstance(groups, pikepdf.Array) else [groups]
        states = [self.visible(g) for g in members if isinstance(g, pikepdf.Dictionary)]
        if not states:
            return True
        policy = str(ocmd.get("/P", "/AnyOn"))
        if policy == "/AllOn":
            return all(states)
        if policy == "/AnyOff":
            return not all(states)
        if policy == "/AllOff":
            return not any(states)
        return any(states)

    def _expression(self, expression: object, depth: int) -> bool:
        if isinstance(expression, pikepdf.Dictionary):
            return self.visible(expression)
        if not isinstance(expression, pikepdf.Array) or len(expression) == 0 or depth > MAX_EXPRESSION_DEPTH:
            return True
        operator, operands = str(expression[0]), list(expression)[1:]
        values = [self._expression(o, depth + 1) for o in operands]
        if operator == "/Not":
            return not values[0] if values else True
        if operator == "/And":
            return all(values)
        if operator == "/Or":
            return any(values)
        return True


def _objgens(array: object) -> set[tuple[int, int]]:
    if not isinstance(array, pikepdf.Array):
        return set()
    return {item.objgen for item in array if isinstance(item, pikepdf.Dictionary) and item.is_indirect}
