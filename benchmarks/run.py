"""Run every benchmark in benchmarks/ and write docs/benchmarks.md.

Each ``benchmarks/bench_*.py`` module defines ``main() -> str`` returning a Markdown section
(a ``## Heading`` then the figures, with the target beside each). ``make bench`` runs them all;
``python benchmarks/run.py clock parsing`` runs only those named and replaces just their sections.
"""

from __future__ import annotations

import datetime as dt
import importlib
import os
import platform
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUTPUT = HERE.parent / "docs" / "benchmarks.md"


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f", {kib / 1024 / 1024:.0f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    return f"{os.cpu_count()} cores, {cpu}{memory}; Python {platform.python_version()}; {platform.system()}"


def merge_sections(existing: str, fresh: list[str], this_machine: str) -> list[str]:
    """A partial run replaces the sections it measured (same heading) and keeps the others, each
    of which says when it was measured if that was another run, and on what if on another machine."""
    kept: dict[str, str] = {}
    previous_stamp = previous_machine = ""
    for line in existing.splitlines():
        if line.startswith("Measured "):
            previous_stamp, _, previous_machine = line.removeprefix("Measured ").rstrip(".").partition(" on ")
            break
    elsewhere = f" on {previous_machine}" if previous_machine and previous_machine != this_machine else ""
    for block in existing.split("\n## ")[1:]:
        heading = block.splitlines()[0]
        body = "## " + block.strip()
        if previous_stamp and "(measured " not in heading:
            body = body.replace(heading, f"{heading} (measured {previous_stamp}{elsewhere})", 1)
        elif elsewhere and "(measured " in heading and " on " not in heading.split("(measured ")[1]:
            body = body.replace(heading, heading[:-1] + elsewhere + ")", 1)
        kept[heading.split(" (measured ")[0]] = body
    for section in fresh:
        kept[section.splitlines()[0].removeprefix("## ")] = section
    return list(kept.values())


def main(names: list[str]) -> int:
    sys.path.insert(0, str(HERE))
    modules = sorted(p.stem for p in HERE.glob("bench_*.py"))
    if names:
        modules = [m for m in modules if m.removeprefix("bench_") in names]
    sections: list[str] = []
    for module_name in modules:
        started = time.perf_counter()
        print(f"running {module_name} ...", file=sys.stderr, flush=True)
        module = importlib.import_module(module_name)
        sections.append(module.main().strip())
        print(f"  done in {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    partial = bool(names) and OUTPUT.exists()
    header = f"# Benchmarks\n\nMeasured {stamp} on {machine()}.\n" + (
        "Written by `make bench` (benchmarks/run.py); a section measured in an earlier run says when "
        "(and on what, if another machine).\n"
        if partial
        else "Written by `make bench` (benchmarks/run.py); every figure below comes from that run.\n"
    )
    if partial:
        sections = merge_sections(OUTPUT.read_text(), sections, machine())
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(header + "\n" + "\n\n".join(sections) + "\n")
    print(f"wrote {OUTPUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
