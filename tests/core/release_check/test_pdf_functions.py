"""PDF functions: tint transforms evaluated by hand-worked examples of each type."""

from __future__ import annotations

import pikepdf
import pytest

from foidesk.core.release_check.pdf_functions import evaluate, parse_program


def _calculator(pdf: pikepdf.Pdf, program: bytes, outputs: int = 1, inputs: int = 1) -> pikepdf.Stream:
    function = pdf.make_stream(program)
    function.FunctionType = 4
    function.Domain = [0, 1] * inputs
    function.Range = [0, 1] * outputs
    return function


@pytest.mark.parametrize(
    ("program", "inputs", "expected"),
    [
        (b"{ 0.5 mul }", [0.8], [0.4]),
        (b"{ dup 0.9 mul 1 exch sub exch pop }", [1.0], [0.1]),
        (b"{ 2 copy add 3 1 roll pop pop }", [0.25, 0.5], [0.75]),
        (b"{ dup 0.5 gt { pop 1 } { pop 0 } ifelse }", [0.7], [1.0]),
        (b"{ dup 0.5 gt { pop 1 } { pop 0 } ifelse }", [0.3], [0.0]),
        (b"{ 0.5 lt { 0.2 } if }", [0.1], [0.2]),
        (b"{ 1 index add exch pop 2 div }", [0.2, 0.6], [0.4]),
        (b"{ 10 mul cvi 3 mod 10 div }", [0.5], [0.2]),
        (b"{ abs neg 1 add }", [0.25], [0.75]),
    ],
)
def test_calculator_programs_run_like_postscript(
    program: bytes, inputs: list[float], expected: list[float]
) -> None:
    with pikepdf.new() as pdf:
        function = _calculator(pdf, program, outputs=1, inputs=len(inputs))
        assert evaluate(function, inputs) == pytest.approx(expected)


def test_outputs_are_clipped_to_the_range() -> None:
    with pikepdf.new() as pdf:
        assert evaluate(_calculator(pdf, b"{ 5 mul }"), [1.0]) == [1.0]


@pytest.mark.parametrize(
    "program",
    [b"{ secretoperator }", b"{ 1 0 div }", b"{ pop pop pop }", b"{ 1 { dup } if }", b"0.5 mul", b"{ 1 add"],
)
def test_a_program_that_cannot_be_run_gives_none(program: bytes) -> None:
    with pikepdf.new() as pdf:
        assert evaluate(_calculator(pdf, program), [0.5]) is None


def test_a_program_that_runs_forever_is_stopped() -> None:
    looping = b"{ " + b"dup " * 20_000 + b"}"
    with pikepdf.new() as pdf:
        assert evaluate(_calculator(pdf, looping), [0.5]) is None


def test_blocks_nest() -> None:
    assert parse_program(b"{ 1 { 2 { 3 } } }") == [1.0, [2.0, [3.0]]]


def test_exponential_and_stitching_functions() -> None:
    exponential = pikepdf.Dictionary(FunctionType=2, Domain=[0, 1], C0=[1, 1, 1], C1=[0, 0.5, 1], N=2)
    assert evaluate(exponential, [0.5]) == pytest.approx([0.75, 0.875, 1.0])
    stitching = pikepdf.Dictionary(
        FunctionType=3,
        Domain=[0, 1],
        Functions=[
            exponential,
            pikepdf.Dictionary(FunctionType=2, Domain=[0, 1], C0=[0, 0, 0], C1=[0, 0, 0]),
        ],
        Bounds=[0.5],
        Encode=[0, 1, 0, 1],
    )
    assert evaluate(stitching, [0.25]) == pytest.approx([0.75, 0.875, 1.0])  # 0.25 of 0..0.5 is 0.5
    assert evaluate(stitching, [0.9]) == pytest.approx([0, 0, 0])


def test_sampled_function_reads_the_nearest_sample() -> None:
    with pikepdf.new() as pdf:
        function = pdf.make_stream(bytes([255, 255, 255, 128, 0, 0, 0, 0, 0]))
        function.FunctionType, function.Domain, function.Range = 0, [0, 1], [0, 1, 0, 1, 0, 1]
        function.Size, function.BitsPerSample = [3], 8
        assert evaluate(function, [0.0]) == pytest.approx([1, 1, 1])
        assert evaluate(function, [0.5]) == pytest.approx([128 / 255, 0, 0])
        assert evaluate(function, [1.0]) == pytest.approx([0, 0, 0])


def test_unknown_function_types_give_none() -> None:
    assert evaluate(pikepdf.Dictionary(FunctionType=7, Domain=[0, 1]), [0.5]) is None
    assert evaluate(pikepdf.Array([1, 2]), [0.5]) is None
