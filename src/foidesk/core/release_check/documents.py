"""Release-gate inspection and sanitising of word-processing documents (DOCX and ODT).

A letter or report keeps far more than its printed page: tracked changes (deleted words are still there),
comments and who wrote them, text formatted hidden, white or too small to see, document properties,
embedded spreadsheets and pictures with their own metadata, headers that are never shown, field codes
naming files and people, links to templates on internal servers, macros, custom XML and glossary parts.
The package's XML parts are read directly (defusedxml), so nothing escapes a library's object model.

The check is an allowlist and fails closed: every DOCX part is accounted for by its relationship and
content type (``docx_parts``), every ODT file by the manifest; every element of a story is known to be
shown, known to hide (a finding), or unaccounted (``docx.unaccounted``, ``odt.unaccounted``: a block).
How text looks is resolved through the styles as Word and LibreOffice resolve it (``docx_styles``,
``odf_styles``), against what is behind it (shading, highlight, table cell, text box, page).

Sanitising builds a fresh document from what was proven visible: changes accepted (insertions kept,
deletions dropped), no comments, no hidden/white/tiny/clipped/off-page text, no fields (their shown result
kept as text), no metadata, no embedded objects, nothing unaccounted, pictures re-encoded without
metadata. Headers and footers are kept only where they are displayed and hold visible text; footnotes
and endnotes that the text refers to are kept as numbered notes at the end.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path
from xml.etree.ElementTree import Element

from foidesk.core.release_check.docx_elements import W
from foidesk.core.release_check.docx_findings import story_findings
from foidesk.core.release_check.docx_parts import STORY_ROLES, DocxPackage, read_package
from foidesk.core.release_check.findings import (
    CannotInspect,
    CannotSanitise,
    Finding,
    InspectionLimits,
    Severity,
    read_to_inspect,
)
from foidesk.core.release_check.images import inspect_image_bytes
from foidesk.core.release_check.odt_elements import (
    alt_texts,
    bookmark_names,
    conditional_texts,
    form_values,
    hidden_variables,
    unaccounted_elements,
    unlisted_package_files,
)
from foidesk.core.release_check.office_rebuild import rebuilt_docx, rebuilt_odt
from foidesk.core.release_check.office_visible import (
    DRAW,
    OFFICE,
    PKG_REL,
    STYLE,
    TEXT,
    XLINK,
    DocxReader,
    OdtReader,
    read_xml,
)
from foidesk.core.release_check.unseen_text import (
    SeenText,
    carrier_findings,
    is_tool_bookmark,
    is_word_placeholder,
    odf_property_finding,
    property_finding,
    property_texts,
)

LARGE_PACKAGE_BYTES = 10_000_000  # below this the compression ratio of a package is not worth judging
CORE_PROPERTIES_THAT_ARE_FINE = frozenset({"created", "modified", "revision"})
APP_PROPERTIES_THAT_IDENTIFY = frozenset({"Company", "Manager", "HyperlinkBase"})
ODT_META_THAT_IDENTIFY = frozenset(
    {"creator", "initial-creator", "title", "subject", "description", "keyword", "user-defined", "printed-by"}
    | {"template", "auto-reload", "hyperlink-behaviour"}
)
ODT_REVEALING_FIELDS = frozenset(
    {"author-name", "author-initials", "file-name", "template-name", "user-defined", "sender-firstname"}
    | {"sender-lastname", "sender-email", "database-display", "database-name", "initial-creator", "creator"}
)
ODT_SHAPES = frozenset(
    {DRAW + "rect", DRAW + "custom-shape", DRAW + "ellipse", DRAW + "polygon", DRAW + "path", DRAW + "frame"}
)
VECTOR_PICTURE_SUFFIXES = (".emf", ".wmf", ".svg", ".emz", ".wmz")


def _finding(code: str, severity: Severity, where: str, message: str) -> Finding:
    return Finding(code=code, severity=severity, where=where, message=message)


# ------------------------------------------------------------------ the package


def open_package(path: str, limits: InspectionLimits) -> zipfile.ZipFile:
    """The ZIP package of an office document, refused if empty, encrypted, damaged or a bomb."""
    data = read_to_inspect(path)
    if not data:
        raise CannotInspect("the file is empty")
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise CannotInspect(
            "the document is password-protected (an encrypted OLE container) or in an old format"
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        _check_bomb(archive, limits)  # by the declared sizes, before anything is inflated
        damaged = archive.testzip()  # inflates each member only as far as its declared size
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, NotImplementedError) as error:
        raise CannotInspect(f"not a readable document package: {error}") from error
    if damaged is not None:
        raise CannotInspect(f"the package member {damaged} is damaged")
    return archive


def _check_bomb(archive: zipfile.ZipFile, limits: InspectionLimits) -> None:
    members = archive.infolist()
    if len(members) > limits.max_archive_members:
        raise CannotInspect(f"the package holds {len(members)} members, over the limit")
    if any(member.flag_bits & 0x1 for member in members):
        raise CannotInspect("members of the package are encrypted")
    unpacked = sum(member.file_size for member in members)
    packed = max(1, sum(member.compress_size for member in members))
    if unpacked > limits.max_uncompressed_bytes:
        raise CannotInspect("the package would unpack beyond the size limit")
    if unpacked > LARGE_PACKAGE_BYTES and unpacked / packed > limits.max_compression_ratio:
        raise CannotInspect("the package's compression ratio suggests a zip bomb")


def _text_of(element: Element) -> str:
    return "".join(element.itertext()).strip()


def _picture_findings(
    archive: zipfile.ZipFile, names: list[str], code: str, limits: InspectionLimits
) -> list[Finding]:
    findings = []
    for name in names:
        if name.lower().endswith(VECTOR_PICTURE_SUFFIXES):
            findings.append(
                _finding(code, Severity.BLOCK, name, "A vector picture may hold text and cannot be checked.")
            )
            continue
        try:
            image_findings = inspect_image_bytes(archive.read(name), limits)
        except CannotInspect as error:
            findings.append(_finding(code, Severity.BLOCK, name, f"A picture cannot be checked: {error}."))
            continue
        if image_findings:
            kinds = ", ".join(sorted({f.code.removeprefix("image.") for f in image_findings}))
            findings.append(_finding(code, Severity.BLOCK, name, f"A picture carries metadata: {kinds}."))
    return findings


# ------------------------------------------------------------------ DOCX


def _docx_package_findings(
    archive: zipfile.ZipFile, package: DocxPackage, names: set[str], limits: InspectionLimits, seen: SeenText
) -> list[Finding]:
    findings = _docx_metadata_findings(archive, package, seen)
    findings += [
        _finding("docx.unaccounted", Severity.BLOCK, part, f"The package holds {why}.")
        for part, why in sorted(package.unaccounted.items())
    ]
    for part in package.parts("comments"):
        if any(True for _ in read_xml(archive, part).iter(W + "comment")):
            findings.append(
                _finding("docx.comments", Severity.BLOCK, part, "Comments and their authors are stored.")
            )
    embedded = package.parts("embedded")
    if embedded:
        findings.append(
            _finding(
                "docx.embedded_objects",
                Severity.BLOCK,
                ", ".join(embedded),
                "Whole files (spreadsheets, documents, packages) are embedded.",
            )
        )
    if package.parts("alt_chunk"):
        findings.append(
            _finding(
                "docx.alt_chunk",
                Severity.BLOCK,
                ", ".join(package.parts("alt_chunk")),
                "Another file is stored to be merged in when Word opens the document.",
            )
        )
    findings += _picture_findings(archive, package.parts("picture"), "docx.image_metadata", limits)
    if package.parts("macros") or any(n.lower().endswith(("vbaproject.bin", "vbadata.xml")) for n in names):
        findings.append(
            _finding("docx.macros", Severity.BLOCK, "word/vbaProject.bin", "The document holds macros.")
        )
    findings += _external_findings(archive, names)
    findings += _settings_findings(archive, package)
    for role, code, message in (
        ("custom_xml", "docx.custom_xml", "Custom XML data (often document-management metadata) is stored."),
        ("thumbnail", "docx.thumbnail", "A thumbnail picture of the first page when last saved is kept."),
        ("chart", "docx.chart_data", "Charts keep their data, which may hold more than they plot."),
    ):
        if package.parts(role):
            findings.append(_finding(code, Severity.WARN, ", ".join(package.parts(role)), message))
    for part in package.parts("glossary"):
        paragraphs = [_text_of(p) for p in read_xml(archive, part).iter(W + "p")]
        what = "A glossary of building blocks (text not in the body) is stored"
        findings += carrier_findings("docx.glossary", part, paragraphs, seen, what, is_word_placeholder) or [
            _finding("docx.glossary", Severity.WARN, part, f"{what}.")
        ]
    return findings


def _external_findings(archive: zipfile.ZipFile, names: set[str]) -> list[Finding]:
    findings = []
    for rels in sorted(n for n in names if n.endswith(".rels")):
        for relation in read_xml(archive, rels).iter(PKG_REL + "Relationship"):
            kind = relation.get("Type", "").rsplit("/", 1)[-1]
            if relation.get("TargetMode") != "External" or kind == "hyperlink":
                continue
            code, severity = (
                ("docx.template", Severity.WARN)
                if kind == "attachedTemplate"
                else ("docx.external_links", Severity.BLOCK)
            )
            target = relation.get("Target", "")
            findings.append(
                _finding(code, severity, rels, f"A link to an outside {kind} names a path: {target}.")
            )
    return findings


def _settings_findings(archive: zipfile.ZipFile, package: DocxPackage) -> list[Finding]:
    """Document variables (w:docVars, ECMA-376 17.15.1.32): named values stored and never shown."""
    findings = []
    for part in package.parts("settings"):
        values = [v.get(W + "val", "") for v in read_xml(archive, part).iter(W + "docVar")]
        if any(value.strip() for value in values):
            findings.append(
                _finding(
                    "docx.document_variables",
                    Severity.BLOCK,
                    part,
                    f"{len(values)} document variables hold text that no page shows.",
                )
            )
    return findings


def _docx_metadata_findings(archive: zipfile.ZipFile, package: DocxPackage, seen: SeenText) -> list[Finding]:
    fields: list[str] = []
    values: list[tuple[str, str]] = []
    custom = [
        (element.get("name", ""), _text_of(element))
        for part in package.parts("custom_properties")
        for element in read_xml(archive, part)
    ]
    for part in package.parts("properties"):
        root = read_xml(archive, part)
        core = root.tag.endswith("coreProperties")
        for element in root:
            local = element.tag.rsplit("}", 1)[-1]
            if not _text_of(element):
                continue
            values.append((local, _text_of(element)))
            if (core and local not in CORE_PROPERTIES_THAT_ARE_FINE) or (
                not core and local in APP_PROPERTIES_THAT_IDENTIFY
            ):
                fields.append(local)
    if any(len(read_xml(archive, part)) for part in package.parts("custom_properties")):
        fields.append("custom properties")
    if package.parts("people"):
        fields.append("people (authors of changes and comments)")
    if package.parts("labels"):
        fields.append("sensitivity labels")
    if package.parts("printer"):
        fields.append("printer settings")
    blocked = property_finding("docx.metadata", "docProps", property_texts(values, custom), seen)
    if not fields:
        return blocked
    return blocked or [
        _finding(
            "docx.metadata", Severity.WARN, "docProps", f"Document properties are set: {', '.join(fields)}."
        )
    ]


def _unreferenced_notes(archive: zipfile.ZipFile, package: DocxPackage, reader: DocxReader) -> list[Finding]:
    """Footnotes and endnotes holding text that no text refers to, so no page prints (ECMA-376 17.11)."""
    findings = []
    for role, tag in (("footnotes", "footnote"), ("endnotes", "endnote")):
        referenced = reader.referenced_notes(tag)
        for part in package.parts(role):
            orphans = [
                _text_of(note)
                for note in read_xml(archive, part).iter(W + tag)
                if note.get(W + "type") is None and note.get(W + "id") not in referenced and _text_of(note)
            ]
            if orphans:
                findings.append(
                    _finding(
                        "docx.hidden_text",
                        Severity.BLOCK,
                        part,
                        f"{len(orphans)} {tag}s no text refers to: '{' '.join(orphans)[:60]}'.",
                    )
                )
    return findings


def _docx_package(archive: zipfile.ZipFile, names: set[str]) -> DocxPackage:
    package = read_package(archive, names)
    if package.part("main") != "word/document.xml" and "word/document.xml" in names:
        raise CannotInspect("the package's main document is not word/document.xml")
    if "word/document.xml" not in names:
        raise CannotInspect("not a Word document: word/document.xml is missing")
    if read_xml(archive, "word/document.xml").tag != W + "document":
        # Strict OOXML (ISO/IEC 29500 Strict) names its elements otherwise: read as Transitional,
        # its hidden text would go unseen, so it is refused rather than passed.
        raise CannotInspect("the document is not in the Transitional Office Open XML the gate reads")
    return package


def inspect_docx(path: str, limits: InspectionLimits) -> list[Finding]:
    """Everything in a DOCX that a reader of the printed pages would not see."""
    with open_package(path, limits) as archive:
        names = set(archive.namelist())
        if "word/document.xml" not in names:
            raise CannotInspect("not a Word document: word/document.xml is missing")
        package = _docx_package(archive, names)
        reader = DocxReader(archive, names, package.look_roles())
        seen = SeenText(reader.visible().texts())
        findings: list[Finding] = []
        for part in package.parts(*STORY_ROLES):
            root = read_xml(archive, part)
            findings.extend(story_findings(root, part, reader.styles, reader.page, reader.page_fill, seen))
        findings += _unreferenced_notes(archive, package, reader)
        shown = reader.displayed_header_parts()
        for part in package.parts("header", "footer"):
            if part not in shown and _text_of(read_xml(archive, part)):
                findings.append(
                    _finding(
                        "docx.hidden_header_footer",
                        Severity.BLOCK,
                        part,
                        "A header or footer holds text but no page shows it.",
                    )
                )
        findings.extend(_docx_package_findings(archive, package, names, limits, seen))
    return findings


def sanitise_docx(source: str, target: str, limits: InspectionLimits) -> None:
    """A fresh DOCX of what a reader sees (see the module docstring for what is kept)."""
    try:
        with open_package(source, limits) as archive:
            names = set(archive.namelist())
            if "word/document.xml" not in names:
                raise CannotSanitise("not a Word document: word/document.xml is missing")
            package = _docx_package(archive, names)
            reader = DocxReader(archive, names, package.look_roles())
            data = rebuilt_docx(archive, reader.visible(), limits)
    except CannotInspect as error:
        raise CannotSanitise(str(error)) from error
    Path(target).write_bytes(data)


# ------------------------------------------------------------------ ODT


def _odt_findings(archive: zipfile.ZipFile, names: set[str], limits: InspectionLimits) -> list[Finding]:
    content = read_xml(archive, "content.xml")
    if content.tag != OFFICE + "document-content" or content.find(f"{OFFICE}body/{OFFICE}text") is None:
        raise CannotInspect("content.xml does not hold an OpenDocument text")
    styles_root = read_xml(archive, "styles.xml") if "styles.xml" in names else None
    reader = OdtReader(content, styles_root)
    findings: list[Finding] = []
    tracked = content.find(f".//{TEXT}tracked-changes")
    if tracked is not None and len(tracked):
        findings.append(
            _finding(
                "odt.tracked_changes",
                Severity.BLOCK,
                "content.xml",
                "Tracked changes: deleted and earlier text is still inside, with who changed it.",
            )
        )
    for part, root in (("content.xml", content), ("styles.xml", styles_root)):
        if root is not None and any(True for _ in root.iter(OFFICE + "annotation")):
            findings.append(_finding("odt.comments", Severity.BLOCK, part, "Comments are stored."))
    seen = SeenText(reader.visible().texts())
    findings += _odt_hiding_places(archive, names, content, styles_root, seen)
    invisible = reader.invisible_text()
    messages = {
        "hidden": ("odt.hidden_text", "Text is hidden"),
        "tiny": ("odt.tiny_text", "Text is too small to read"),
        "white": ("odt.white_text", "Text is the colour of its background"),
        "offpage": ("odt.off_page_text", "Text lies in a frame beyond the page"),
    }
    for reason, texts in sorted(invisible.items()):
        code, message = messages[reason]
        findings.append(
            _finding(code, Severity.BLOCK, "content.xml", f"{message}: '{' '.join(texts)[:60]}'.")
        )
    fields = sorted(
        {e.tag.rsplit("}", 1)[-1] for e in content.iter() if e.tag.startswith(TEXT)} & ODT_REVEALING_FIELDS
    )
    if fields:
        findings.append(
            _finding(
                "odt.fields",
                Severity.WARN,
                "content.xml",
                f"Fields name files or people: {', '.join(fields)}.",
            )
        )
    shapes = _odt_shapes_over_text(content, styles_root)
    if shapes:
        findings.append(
            _finding(
                "odt.shape_over_text",
                Severity.WARN,
                "content.xml",
                f"{shapes} shapes or pictures lie in front of the text: a box drawn over words "
                "hides nothing from a reader who moves it or copies the text.",
            )
        )
    findings += _odt_package_findings(archive, names, content, styles_root, limits, seen)
    return findings


def _odt_stories(content: Element, styles_root: Element | None) -> list[tuple[str, Element]]:
    """The body, and the headers and footers of the master pages."""
    stories = [("content.xml", story) for story in content.iter(OFFICE + "body")]
    if styles_root is not None:
        stories += [("styles.xml", master) for master in styles_root.iter(STYLE + "master-page")]
    return stories


def _odt_hiding_places(
    archive: zipfile.ZipFile, names: set[str], content: Element, styles_root: Element | None, seen: SeenText
) -> list[Finding]:
    """Unknown elements and package files, conditional text, hidden variables, form values, alt text."""
    findings = []
    manifest = read_xml(archive, "META-INF/manifest.xml") if "META-INF/manifest.xml" in names else None
    for name in unlisted_package_files(archive, manifest):
        findings.append(
            _finding(
                "odt.unaccounted",
                Severity.BLOCK,
                name,
                "A file the manifest does not list, or of no known kind.",
            )
        )
    for part, story in _odt_stories(content, styles_root):
        unknown = unaccounted_elements(story)
        if unknown:
            findings.append(
                _finding(
                    "odt.unaccounted",
                    Severity.BLOCK,
                    part,
                    f"Elements the gate does not know: {', '.join(unknown[:8])}.",
                )
            )
        for code, severity, texts, message in (
            ("odt.conditional_text", Severity.BLOCK, conditional_texts(story), "Conditional text not shown"),
            (
                "odt.hidden_variables",
                Severity.BLOCK,
                hidden_variables(story),
                "Variables hold undisplayed values",
            ),
            ("odt.form_values", Severity.BLOCK, form_values(story), "Form controls hold values"),
        ):
            if texts:
                findings.append(_finding(code, severity, part, f"{message}: '{' | '.join(texts)[:60]}'."))
        findings += carrier_findings(
            "odt.alt_text", part, alt_texts(story), seen, "Alt text or link titles, not on the page"
        )
        findings += carrier_findings(
            "odt.bookmarks", part, bookmark_names(story), seen, "Bookmarks are named", is_tool_bookmark
        )
    return findings


def _odt_shapes_over_text(content: Element, styles_root: Element | None) -> int:
    """Drawings whose graphic style lets text run through them, in the foreground (ODF 1.2 20.386, 20.380)."""
    in_front = set()
    for root in (styles_root, content):
        for style in root.iter(STYLE + "style") if root is not None else ():
            graphic = style.find(STYLE + "graphic-properties")
            if (
                graphic is not None
                and graphic.get(STYLE + "wrap") == "run-through"
                and graphic.get(STYLE + "run-through", "foreground") == "foreground"
            ):
                in_front.add(style.get(STYLE + "name"))
    return sum(
        1
        for e in content.iter()
        if e.tag in ODT_SHAPES
        and e.get(DRAW + "style-name") in in_front
        and e.get(TEXT + "anchor-type") != "as-char"
    )


def _odt_package_findings(
    archive: zipfile.ZipFile,
    names: set[str],
    content: Element,
    styles_root: Element | None,
    limits: InspectionLimits,
    seen: SeenText,
) -> list[Finding]:
    findings = []
    if "meta.xml" in names:
        findings += odf_property_finding("odt.metadata", read_xml(archive, "meta.xml"), seen)
        identifying = sorted(
            {
                e.tag.rsplit("}", 1)[-1]
                for e in read_xml(archive, "meta.xml").iter()
                if e.tag.rsplit("}", 1)[-1] in ODT_META_THAT_IDENTIFY and (_text_of(e) or e.attrib)
            }
        )
        if identifying and not findings:
            findings.append(
                _finding(
                    "odt.metadata",
                    Severity.WARN,
                    "meta.xml",
                    f"Document properties are set: {', '.join(identifying)}.",
                )
            )
    objects = sorted({n.split("/", 1)[0] for n in names if n.startswith("Object ")})
    if objects or any(True for _ in content.iter(DRAW + "object-ole")):
        findings.append(
            _finding(
                "odt.embedded_objects",
                Severity.BLOCK,
                ", ".join(objects) or "content.xml",
                "Objects are embedded.",
            )
        )
    findings += _picture_findings(
        archive, sorted(n for n in names if n.startswith("Pictures/")), "odt.image_metadata", limits
    )
    if any(n.startswith(("Basic/", "Scripts/")) for n in names):
        findings.append(
            _finding("odt.macros", Severity.BLOCK, "Basic/", "The document holds macros or scripts.")
        )
    links = sorted(
        {
            e.get(XLINK + "href", "")
            for e in content.iter()
            if e.tag in (DRAW + "image", TEXT + "section-source", DRAW + "object")
            and "://" in e.get(XLINK + "href", "")
        }
    )
    if links:
        findings.append(
            _finding(
                "odt.external_links",
                Severity.BLOCK,
                "content.xml",
                f"Content is linked from outside: {links[0]}.",
            )
        )
    if any(n.startswith("Thumbnails/") for n in names):
        findings.append(
            _finding(
                "odt.thumbnail",
                Severity.WARN,
                "Thumbnails/",
                "A thumbnail picture of the first page is kept.",
            )
        )
    if styles_root is not None:
        unused = {
            id(e) for master in OdtReader(content, styles_root).master_pages(used=False) for e in master
        }
        for header in styles_root.iter():
            local = header.tag.rsplit("}", 1)[-1]
            if (
                local.startswith(("header", "footer"))
                and (header.get(STYLE + "display") == "false" or id(header) in unused)
                and _text_of(header)
            ):
                findings.append(
                    _finding(
                        "odt.hidden_header_footer",
                        Severity.BLOCK,
                        "styles.xml",
                        "A header or footer holds text but is not displayed, or no page uses its master.",
                    )
                )
                break
    return findings


def inspect_odt(path: str, limits: InspectionLimits) -> list[Finding]:
    """Everything in an ODT that a reader of the printed pages would not see."""
    with open_package(path, limits) as archive:
        names = set(archive.namelist())
        if "content.xml" not in names:
            raise CannotInspect("not an OpenDocument text: content.xml is missing")
        if "META-INF/manifest.xml" in names and b"encryption-data" in archive.read("META-INF/manifest.xml"):
            raise CannotInspect("the document is password-protected")
        return _odt_findings(archive, names, limits)


def sanitise_odt(source: str, target: str, limits: InspectionLimits) -> None:
    """A fresh ODT of what a reader sees."""
    try:
        with open_package(source, limits) as archive:
            names = set(archive.namelist())
            if "content.xml" not in names:
                raise CannotSanitise("not an OpenDocument text: content.xml is missing")
            if "META-INF/manifest.xml" in names and b"encryption-data" in archive.read(
                "META-INF/manifest.xml"
            ):
                raise CannotSanitise("the document is password-protected")
            styles_root = read_xml(archive, "styles.xml") if "styles.xml" in names else None
            visible = OdtReader(read_xml(archive, "content.xml"), styles_root).visible()
            data = rebuilt_odt(archive, visible, limits)
    except CannotInspect as error:
        raise CannotSanitise(str(error)) from error
    Path(target).write_bytes(data)
