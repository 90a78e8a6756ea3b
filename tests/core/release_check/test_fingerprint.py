"""What a release-gate verdict was reached with: the same rules, readers and limits give the same digest;
any other limit gives another, so a verdict reached under other limits is never relied on."""

from __future__ import annotations

import dataclasses
import re

from foidesk.core.release_check.findings import InspectionLimits
from foidesk.core.release_check.fingerprint import gate_fingerprint


def test_the_same_limits_give_the_same_digest_of_64_hex_digits() -> None:
    limits = InspectionLimits(render=False)
    assert re.fullmatch(r"[0-9a-f]{64}", gate_fingerprint(limits))
    assert gate_fingerprint(limits) == gate_fingerprint(InspectionLimits(render=False))


def test_every_limit_changes_the_digest() -> None:
    base = InspectionLimits(render=True, render_required=False)
    changed = {
        "max_uncompressed_bytes": base.max_uncompressed_bytes + 1,
        "max_compression_ratio": base.max_compression_ratio * 2,
        "max_archive_depth": base.max_archive_depth + 1,
        "max_archive_members": base.max_archive_members - 1,
        "render": False,
        "render_required": True,
        "render_max_bytes": base.render_max_bytes + 1,
        "render_timeout_seconds": base.render_timeout_seconds + 1,
        "render_command": "/usr/bin/soffice",
    }
    assert set(changed) == {f.name for f in dataclasses.fields(InspectionLimits)}  # none forgotten
    digests = {
        gate_fingerprint(dataclasses.replace(base, **{name: value})) for name, value in changed.items()
    }
    assert len(digests) == len(changed) and gate_fingerprint(base) not in digests
