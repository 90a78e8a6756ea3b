"""Write the outside red-team corpus for the release gate into a folder, with its manifest.json.

    python tests/data/release_outside/generate.py OUT_DIR --batch tuning|blind

Every leaky file holds its planted secret (checked in its bytes, decompressed, or in the PDF text layer)
and hides it from a reader; every clean file is what a real tool writes. Files that LibreOffice must
save are built as a source and converted in one ``soffice --headless --convert-to`` call per filter.
The secrets and contents are deterministic; LibreOffice's own timestamps are not.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from common import Spec, fix_zip_times, holds, pdf_text, token

MODULES = ("gen_xlsx", "gen_docs", "gen_odf", "gen_pdf", "gen_images", "gen_misc")
MAX_FILE_BYTES = 200_000
# Packages these tools write carry the time of writing; it is fixed afterwards (the members are not changed).
PACKAGE_TOOLS = frozenset({"openpyxl", "xlsxwriter", "python-docx", "python-pptx", "odfpy", "hand-xml"})


def all_specs(batch: str, only: set[str] | None = None) -> list[Spec]:
    specs: list[Spec] = []
    for name in MODULES:
        if only and name not in only:
            continue
        try:
            module = __import__(name)
        except ImportError as error:
            print(f"skip {name}: {error}", file=sys.stderr)
            continue
        specs.extend(module.specs(batch))
    for spec in specs:
        if spec.kind == "leaky" and spec.secret is None:
            spec.secret = token(batch, spec.file, spec.tag or "dash")
    return specs


def convert(groups: dict[str, list[Path]], out: Path) -> None:
    """One LibreOffice run per filter, each input converted next to the others in ``out``."""
    profile = tempfile.mkdtemp(prefix="lo-corpus-")
    try:
        for target, sources in groups.items():
            command = [
                "soffice",
                "--headless",
                f"-env:UserInstallation=file://{profile}",
                "--convert-to",
                target,
                "--outdir",
                str(out),
                *map(str, sources),
            ]
            subprocess.run(command, check=False, timeout=600, capture_output=True)
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def verify(spec: Spec, path: Path) -> str | None:
    """Why the file is not what the manifest says (missing, too big, secret not held), or None."""
    if not path.exists():
        return "not written"
    if path.stat().st_size > MAX_FILE_BYTES:
        return f"too big ({path.stat().st_size} bytes)"
    broken = _malformed_part(path) if spec.tool in PACKAGE_TOOLS else None
    if broken:
        return f"part {broken} is not well-formed XML"
    if spec.kind != "leaky" or spec.secret_in == "pixels":
        return None
    assert spec.secret is not None
    if holds(path, spec.secret):
        return None
    if path.suffix == ".pdf" and spec.secret in pdf_text(path).replace("\r", "").replace("\n", ""):
        spec.secret_in = "text"
        return None
    return "secret not found in the file"


def _malformed_part(path: Path) -> str | None:
    """The first XML part of a package that does not parse (the corpus tests hiding, not broken XML)."""
    import zipfile

    from lxml import etree

    if not path.read_bytes().startswith(b"PK"):
        return None
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.endswith((".xml", ".rels")):
                try:
                    etree.fromstring(archive.read(name))
                except etree.XMLSyntaxError:
                    return name
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--batch", choices=("tuning", "blind"), default="tuning")
    parser.add_argument("--only", nargs="*", help="generator modules to run (default: all)")
    args = parser.parse_args()
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    specs = all_specs(args.batch, set(args.only) if args.only else None)
    staging = Path(tempfile.mkdtemp(prefix="corpus-src-"))
    groups: dict[str, list[Path]] = {}
    failures: list[str] = []
    for spec in specs:
        try:
            if spec.build is not None:
                spec.build(out / spec.file, spec.secret or "", list(spec.visible))
                if spec.tool in PACKAGE_TOOLS:
                    fix_zip_times(out / spec.file)
            else:
                assert spec.source is not None
                folder = staging / str(specs.index(spec))
                folder.mkdir(parents=True, exist_ok=True)
                stem = os.path.splitext(spec.file)[0]
                source = folder / f"{stem}.{spec.source_ext}"
                spec.source(source, spec.secret or "", list(spec.visible))
                groups.setdefault(spec.convert, []).append(source)
        except Exception as error:
            failures.append(f"{spec.file}: build failed: {type(error).__name__}: {error}")
    convert(groups, out)
    shutil.rmtree(staging, ignore_errors=True)
    manifest = []
    for spec in specs:
        problem = verify(spec, out / spec.file)
        if problem:
            failures.append(f"{spec.file}: {problem}")
            if (out / spec.file).exists():
                (out / spec.file).unlink()
            continue
        manifest.append(spec.manifest())
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n")
    leaky = sum(1 for entry in manifest if entry["kind"] == "leaky")
    print(f"{len(manifest)} files ({leaky} leaky, {len(manifest) - leaky} clean) in {out}")
    for failure in failures:
        print("DROPPED", failure, file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
