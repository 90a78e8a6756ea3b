"""PDF functions (ISO 32000-1 7.10), evaluated so that a spot colour's look is worked out, not guessed.

A Separation or DeviceN colour is turned into its alternate space by a tint transform: a sampled
function (type 0), an exponential one (type 2), a stitching of others (type 3) or a small PostScript
calculator program (type 4). Brand colours are usually type 2 or 4; a tint transform that maps the text
to white paper is how text is hidden in a spot colour. Anything the evaluator cannot run returns None,
which the gate reports as ``pdf.unaccounted`` instead of guessing.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence

import pikepdf

MAX_STEPS = 10_000  # operators run by one evaluation: a calculator program never needs more
MAX_SAMPLES = 1 << 24
SAMPLE_BITS = frozenset({1, 2, 4, 8, 16, 32})
MAX_NESTING = 8  # stitching functions nested deeper than this are built to exhaust the reader
TOKEN = re.compile(rb"[{}]|[^\s{}]+")
Program = list["str | float | bool | Program"]


class FunctionError(Exception):
    """The function cannot be evaluated: damaged, unsupported, or built to exhaust the evaluator."""


def evaluate(function: object, inputs: Sequence[float], depth: int = 0) -> list[float] | None:
    """The function's outputs for ``inputs`` (clipped to its /Domain and /Range); None if it cannot be
    evaluated."""
    try:
        return _evaluate(function, list(inputs), depth)
    except (
        FunctionError,
        ValueError,
        TypeError,
        ZeroDivisionError,
        OverflowError,
        IndexError,
        pikepdf.PdfError,
    ):
        return None


def _numbers(obj: object) -> list[float]:
    if not isinstance(obj, pikepdf.Array):
        return []
    return [float(v) for v in obj]  # a non-number raises, caught by evaluate


def _clip(values: list[float], bounds: list[float]) -> list[float]:
    if len(bounds) < 2 * len(values):
        return values
    return [min(max(v, bounds[2 * i]), bounds[2 * i + 1]) for i, v in enumerate(values)]


def _evaluate(function: object, inputs: list[float], depth: int) -> list[float]:
    if depth > MAX_NESTING or not isinstance(function, pikepdf.Dictionary | pikepdf.Stream):
        raise FunctionError("not a function")
    kind = int(function.get("/FunctionType", -1))
    inputs = _clip(inputs, _numbers(function.get("/Domain")))
    evaluators: dict[int, Callable[[pikepdf.Object, list[float], int], list[float]]] = {
        0: _sampled,
        2: _exponential,
        3: _stitching,
        4: _calculator,
    }
    if kind not in evaluators:
        raise FunctionError(f"function type {kind}")
    return _clip(evaluators[kind](function, inputs, depth), _numbers(function.get("/Range")))


def _exponential(function: pikepdf.Object, inputs: list[float], depth: int) -> list[float]:
    c0 = _numbers(function.get("/C0")) or [0.0]
    c1 = _numbers(function.get("/C1")) or [1.0]
    if len(c0) != len(c1) or not inputs:
        raise FunctionError("C0 and C1 differ in length")
    x = max(0.0, inputs[0]) ** float(function.get("/N", 1))
    return [a + x * (b - a) for a, b in zip(c0, c1, strict=True)]


def _stitching(function: pikepdf.Object, inputs: list[float], depth: int) -> list[float]:
    functions = list(function.get("/Functions", pikepdf.Array()))
    bounds, encode = _numbers(function.get("/Bounds")), _numbers(function.get("/Encode"))
    domain = _numbers(function.get("/Domain"))
    if not functions or len(bounds) != len(functions) - 1 or len(encode) != 2 * len(functions) or not inputs:
        raise FunctionError("a stitching function that does not add up")
    x = inputs[0]
    index = sum(1 for b in bounds if x >= b)
    low = bounds[index - 1] if index > 0 else domain[0]
    high = bounds[index] if index < len(bounds) else domain[1]
    e0, e1 = encode[2 * index], encode[2 * index + 1]
    t = e0 if high == low else e0 + (x - low) * (e1 - e0) / (high - low)
    return _evaluate(functions[index], [t], depth + 1)


def _sampled(function: pikepdf.Object, inputs: list[float], depth: int) -> list[float]:
    """A sampled function read at the nearest sample (ISO 32000-1 7.10.2): enough to tell paper from ink."""
    if not isinstance(function, pikepdf.Stream):
        raise FunctionError("a sampled function must be a stream")
    size = [int(v) for v in _numbers(function.get("/Size"))]
    bits = int(function.get("/BitsPerSample", 8))
    domain, outputs = _numbers(function.get("/Domain")), len(_numbers(function.get("/Range"))) // 2
    if (
        len(size) != len(inputs)
        or bits not in (1, 2, 4, 8, 16, 32)
        or outputs == 0
        or math.prod(size) > MAX_SAMPLES
    ):
        raise FunctionError("a sampled function that does not add up")
    encode = _numbers(function.get("/Encode")) or [v for s in size for v in (0, s - 1)]
    decode = _numbers(function.get("/Decode")) or _numbers(function.get("/Range"))
    index, stride = 0, 1
    for i, x in enumerate(inputs):
        d0, d1 = domain[2 * i], domain[2 * i + 1]
        e = encode[2 * i] + (x - d0) * (encode[2 * i + 1] - encode[2 * i]) / (d1 - d0 or 1)
        index += min(size[i] - 1, max(0, round(e))) * stride
        stride *= size[i]
    data = function.read_bytes()
    result = []
    for j in range(outputs):
        at = (index * outputs + j) * bits
        if bits >= 8:
            raw = int.from_bytes(data[at // 8 : at // 8 + bits // 8], "big")
        else:
            raw = (data[at // 8] >> (8 - bits - at % 8)) & ((1 << bits) - 1)
        top = (1 << bits) - 1
        result.append(decode[2 * j] + raw * (decode[2 * j + 1] - decode[2 * j]) / top)
    return result


def _calculator(function: pikepdf.Object, inputs: list[float], depth: int) -> list[float]:
    if not isinstance(function, pikepdf.Stream):
        raise FunctionError("a calculator function must be a stream")
    program = parse_program(function.read_bytes())
    stack: list[Value] = list(inputs)
    Calculator().run(program, stack)
    return [float(v) for v in stack]


def parse_program(data: bytes) -> Program:
    """A PostScript calculator program ``{ ... }`` as nested lists of operators, numbers and blocks."""
    tokens = TOKEN.findall(data)
    if not tokens or tokens[0] != b"{":
        raise FunctionError("a calculator program starts with {")
    return _block(tokens, 1, 0)[0]


def _block(tokens: list[bytes], at: int, depth: int) -> tuple[Program, int]:
    if depth > MAX_NESTING * 4:
        raise FunctionError("blocks nested too deeply")
    block: Program = []
    while at < len(tokens):
        token = tokens[at]
        if token == b"}":
            return block, at + 1
        if token == b"{":
            inner, at = _block(tokens, at + 1, depth + 1)
            block.append(inner)
            continue
        text = token.decode("ascii", "replace")
        try:
            block.append(float(text))
        except ValueError:
            block.append(text)
        at += 1
    raise FunctionError("a calculator program is not closed")


ARITHMETIC: dict[str, Callable[[float, float], float | bool]] = {
    "add": lambda a, b: a + b,
    "sub": lambda a, b: a - b,
    "mul": lambda a, b: a * b,
    "div": lambda a, b: a / b,
    "idiv": lambda a, b: float(int(a) // int(b)),
    "mod": lambda a, b: float(int(a) % int(b)),
    "exp": lambda a, b: a**b,
    "atan": lambda a, b: math.degrees(math.atan2(a, b)) % 360,
    "eq": lambda a, b: a == b,
    "ne": lambda a, b: a != b,
    "gt": lambda a, b: a > b,
    "ge": lambda a, b: a >= b,
    "lt": lambda a, b: a < b,
    "le": lambda a, b: a <= b,
    "bitshift": lambda a, b: float(int(a) << int(b) if b >= 0 else int(a) >> -int(b)),
}
UNARY: dict[str, Callable[[float], float]] = {
    "abs": abs,
    "neg": lambda a: -a,
    "ceiling": math.ceil,
    "floor": math.floor,
    "round": lambda a: math.floor(a + 0.5),
    "truncate": math.trunc,
    "sqrt": math.sqrt,
    "sin": lambda a: math.sin(math.radians(a)),
    "cos": lambda a: math.cos(math.radians(a)),
    "ln": math.log,
    "log": math.log10,
    "cvi": lambda a: float(int(a)),
    "cvr": float,
}


Value = float | bool


class Calculator:
    """Runs a parsed calculator program on a stack, within a budget of steps."""

    def __init__(self) -> None:
        self.steps = 0

    def run(self, program: Program, stack: list[Value]) -> None:
        blocks: list[Program] = []  # the operands of a following if / ifelse
        for item in program:
            self.steps += 1
            if self.steps > MAX_STEPS:
                raise FunctionError("the program runs too long")
            if isinstance(item, list):
                blocks.append(item)
            elif isinstance(item, bool | float):
                stack.append(item)
            elif item == "if" and blocks:
                block = blocks.pop()
                if _truth(stack.pop()):
                    self.run(block, stack)
            elif item == "ifelse" and len(blocks) >= 2:
                otherwise, then = blocks.pop(), blocks.pop()
                self.run(then if _truth(stack.pop()) else otherwise, stack)
            else:
                self._operator(item, stack)

    def _operator(self, name: str, stack: list[Value]) -> None:
        if name in ARITHMETIC:
            b, a = stack.pop(), stack.pop()
            stack.append(ARITHMETIC[name](float(a), float(b)))
        elif name in UNARY:
            stack.append(float(UNARY[name](float(stack.pop()))))
        elif name in ("and", "or", "xor"):
            b, a = stack.pop(), stack.pop()
            if isinstance(a, bool) and isinstance(b, bool):
                stack.append({"and": a and b, "or": a or b, "xor": a != b}[name])
            else:
                x, y = int(a), int(b)
                stack.append(float({"and": x & y, "or": x | y, "xor": x ^ y}[name]))
        elif name == "not":
            a = stack.pop()
            stack.append(not a if isinstance(a, bool) else float(~int(a)))
        elif name in ("true", "false"):
            stack.append(name == "true")
        else:
            _stack_operator(name, stack)


def _truth(value: Value) -> bool:
    if not isinstance(value, bool):
        raise FunctionError("if needs a boolean")
    return value


def _stack_operator(name: str, stack: list[Value]) -> None:
    if name == "dup":
        stack.append(stack[-1])
    elif name == "pop":
        stack.pop()
    elif name == "exch":
        stack[-1], stack[-2] = stack[-2], stack[-1]
    elif name == "copy":
        count = int(stack.pop())
        if count < 0 or count > len(stack):
            raise FunctionError("copy beyond the stack")
        stack.extend(stack[len(stack) - count :])
    elif name == "index":
        stack.append(stack[-1 - int(stack.pop())])
    elif name == "roll":
        shift, count = int(stack.pop()), int(stack.pop())
        if count < 0 or count > len(stack):
            raise FunctionError("roll beyond the stack")
        if count:
            top = stack[len(stack) - count :]
            shift %= count
            stack[len(stack) - count :] = top[-shift:] + top[:-shift]
    else:
        raise FunctionError(f"unknown operator {name}")
