"""Every part of a DOCX package accounted for by its relationship type and its content type, never its name.

Word reads a part only by following a relationship from the package (``_rels/.rels``) or from another part
(``word/_rels/document.xml.rels`` ...), and knows what the part is by the relationship's type and the
part's content type (``[Content_Types].xml``: an Override for the part, else the Default for its
extension), ECMA-376 Part 2, 9 and 10. So the gate does the same: it walks the relationships from the
package root, gives each part it reaches a role when the pair (relationship type, content type) is one it
knows, and calls everything else unaccounted: a part of a kind it does not read, a part no relationship
reaches (a reader unzipping the file still finds it), a ``.rels`` file of a part that is not there.
Comments stored under another part name are still comments: their role comes from their relationship.
"""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element

from foidesk.core.release_check.office_visible import PKG_REL, read_xml

CONTENT_TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"
WML = "application/vnd.openxmlformats-officedocument.wordprocessingml."
OOXML = "application/vnd.openxmlformats-officedocument."
ANY = "*"  # any content type: the role (an embedded file, a picture) is judged on its own
IMAGE = "image/*"

# Relationship type (its last path segment) -> (role, content types it may have). ECMA-376 Part 1, 11 and 15.
ROLES: dict[str, tuple[str, frozenset[str]]] = {
    "officeDocument": (
        "main",
        frozenset(
            {
                WML + "document.main+xml",
                WML + "template.main+xml",
                "application/vnd.ms-word.document.macroEnabled.main+xml",
                "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
            }
        ),
    ),
    "core-properties": (
        "properties",
        frozenset({"application/vnd.openxmlformats-package.core-properties+xml"}),
    ),
    "extended-properties": ("properties", frozenset({OOXML + "extended-properties+xml"})),
    "custom-properties": ("custom_properties", frozenset({OOXML + "custom-properties+xml"})),
    "thumbnail": ("thumbnail", frozenset({IMAGE})),
    "styles": ("styles", frozenset({WML + "styles+xml"})),
    "stylesWithEffects": ("styles_effects", frozenset({"application/vnd.ms-word.stylesWithEffects+xml"})),
    "settings": ("settings", frozenset({WML + "settings+xml"})),
    "webSettings": ("web_settings", frozenset({WML + "webSettings+xml"})),
    "fontTable": ("fonts", frozenset({WML + "fontTable+xml"})),
    "font": (
        "fonts",
        frozenset({OOXML + "obfuscatedFont", "application/x-font-ttf", "application/x-fontdata"}),
    ),
    "theme": ("theme", frozenset({OOXML + "theme+xml"})),
    "numbering": ("numbering", frozenset({WML + "numbering+xml"})),
    "header": ("header", frozenset({WML + "header+xml"})),
    "footer": ("footer", frozenset({WML + "footer+xml"})),
    "footnotes": ("footnotes", frozenset({WML + "footnotes+xml"})),
    "endnotes": ("endnotes", frozenset({WML + "endnotes+xml"})),
    "comments": ("comments", frozenset({WML + "comments+xml"})),
    "commentsExtended": ("comments", frozenset({WML + "commentsExtended+xml"})),
    "commentsIds": ("comments", frozenset({WML + "commentsIds+xml"})),
    "commentsExtensible": ("comments", frozenset({WML + "commentsExtensible+xml"})),
    "people": ("people", frozenset({WML + "people+xml"})),
    "image": ("picture", frozenset({IMAGE})),
    "customXml": ("custom_xml", frozenset({"application/xml", "text/xml"})),
    "customXmlProps": ("custom_xml", frozenset({OOXML + "customXmlProperties+xml"})),
    "glossaryDocument": ("glossary", frozenset({WML + "document.glossary+xml"})),
    "oleObject": ("embedded", frozenset({ANY})),
    "package": ("embedded", frozenset({ANY})),
    "vbaProject": ("macros", frozenset({"application/vnd.ms-office.vbaProject"})),
    "wordVbaData": ("macros", frozenset({"application/vnd.ms-word.vbaData+xml"})),
    "keyMapCustomizations": ("macros", frozenset({"application/vnd.ms-word.keyMapCustomizations+xml"})),
    "aFChunk": ("alt_chunk", frozenset({ANY})),
    "classificationlabels": ("labels", frozenset({"application/vnd.ms-office.classificationlabels+xml"})),
    "printerSettings": ("printer", frozenset({WML + "printerSettings"})),
    "chart": ("chart", frozenset({OOXML + "drawingml.chart+xml"})),
    "chartStyle": ("chart", frozenset({"application/vnd.ms-office.chartstyle+xml"})),
    "chartColorStyle": ("chart", frozenset({"application/vnd.ms-office.chartcolorstyle+xml"})),
    "diagramData": ("chart", frozenset({OOXML + "drawingml.diagramData+xml"})),
    "diagramLayout": ("chart", frozenset({OOXML + "drawingml.diagramLayout+xml"})),
    "diagramQuickStyle": ("chart", frozenset({OOXML + "drawingml.diagramStyle+xml"})),
    "diagramColors": ("chart", frozenset({OOXML + "drawingml.diagramColors+xml"})),
    "diagramDrawing": ("chart", frozenset({"application/vnd.ms-office.drawingml.diagramDrawing+xml"})),
}
# Parts that decide how text looks.
LOOK_ROLES = frozenset({"styles", "theme", "settings", "numbering"})
# Parts a story's text is read from.
STORY_ROLES = frozenset({"main", "header", "footer", "footnotes", "endnotes"})


@dataclass
class DocxPackage:
    """Each reached part's role, and what could not be accounted for (part name -> why)."""

    roles: dict[str, str] = field(default_factory=dict)
    unaccounted: dict[str, str] = field(default_factory=dict)
    intended: dict[str, str] = field(default_factory=dict)  # unaccounted part -> the role its relation names

    def look_roles(self) -> dict[str, str]:
        """Roles for reading how text looks: a styles or theme part of the wrong content type still counts.

        Reading such a part can only hide more text (its findings and the copy's cuts), never show more.
        """
        looks = {part: role for part, role in self.intended.items() if role in LOOK_ROLES}
        return {**self.roles, **looks}

    def parts(self, *roles: str) -> list[str]:
        return sorted(name for name, role in self.roles.items() if role in roles)

    def part(self, role: str) -> str | None:
        """The one part of a role that Word reads (the first reached, by name, if there are several)."""
        found = self.parts(role)
        return found[0] if found else None


def rels_of(part: str) -> str:
    """The relationships part of ``part`` (``word/document.xml`` -> ``word/_rels/document.xml.rels``)."""
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{name}.rels")


def resolve(source: str, target: str) -> str:
    """A relationship's target as a part name, relative to the folder of its source part."""
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    return posixpath.normpath(posixpath.join(posixpath.dirname(source), target)).lstrip("/")


def _content_types(archive: zipfile.ZipFile, names: set[str]) -> tuple[dict[str, str], dict[str, str]]:
    if "[Content_Types].xml" not in names:
        return {}, {}
    root = read_xml(archive, "[Content_Types].xml")
    overrides = {
        e.get("PartName", "").lstrip("/"): e.get("ContentType", "").lower()
        for e in root.iter(CONTENT_TYPES + "Override")
    }
    defaults = {
        e.get("Extension", "").lower(): e.get("ContentType", "").lower()
        for e in root.iter(CONTENT_TYPES + "Default")
    }
    return overrides, defaults


def _type_fits(content_type: str, allowed: frozenset[str]) -> bool:
    if ANY in allowed:
        return True
    if IMAGE in allowed and content_type.startswith("image/"):
        return True
    return content_type in {kind.lower() for kind in allowed}


def read_package(archive: zipfile.ZipFile, names: set[str]) -> DocxPackage:
    """Walk the relationships from the package root and account for every member of the ZIP."""
    overrides, defaults = _content_types(archive, names)
    package = DocxPackage()
    reached_rels: set[str] = set()
    queue = [("", "_rels/.rels")]
    while queue:
        source, rels = queue.pop()
        if rels not in names or rels in reached_rels:
            continue
        reached_rels.add(rels)
        for relation in _relations(archive, rels):
            if relation.get("TargetMode") == "External":
                continue
            part = resolve(source, relation.get("Target", ""))
            if part not in names or part in package.roles:
                continue
            kind = relation.get("Type", "").rsplit("/", 1)[-1]
            content_type = overrides.get(part) or defaults.get(
                posixpath.splitext(part)[1].lstrip(".").lower(), ""
            )
            role, allowed = ROLES.get(kind, ("", frozenset()))
            if role and not _type_fits(content_type, allowed):
                package.intended[part] = role
            if not role or not _type_fits(content_type, allowed):
                package.unaccounted[part] = (
                    f"a part of a kind the gate does not read ({kind}, {content_type or 'no type'})"
                )
                package.roles[part] = "unaccounted"
                continue
            package.roles[part] = role
            queue.append((part, rels_of(part)))
    for name in sorted(names - set(package.roles) - reached_rels - {"[Content_Types].xml"}):
        if name.endswith("/") and archive.getinfo(name).file_size == 0:
            continue  # a folder entry
        if name.endswith(".rels"):
            package.unaccounted[name] = "relationships of a part the gate does not read or that is missing"
        else:
            package.unaccounted[name] = "a part no relationship reaches"
    return package


def _relations(archive: zipfile.ZipFile, rels: str) -> list[Element]:
    return list(read_xml(archive, rels).iter(PKG_REL + "Relationship"))
