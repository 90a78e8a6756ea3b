"""Every element of an ODT's text accounted for, and the places an OpenDocument text keeps words unseen.

The body (``office:text``) and the headers and footers are read element by element: elements of the text
and table vocabularies must be ones the gate knows (ODF 1.2, 5 to 9); drawings, forms, annotations and
change records come from their own vocabularies; anything else (another namespace, an extension such as
LibreOffice's ``loext``) is unaccounted. The package's files must be listed in its manifest, under names
an OpenDocument text uses.

Known hiding places: conditional text (``text:conditional-text`` shows one of two strings; the other is
in the file), variables and user fields whose value is stored and not displayed, form controls with their
values (``office:forms``), and alt text of drawings (``svg:title``, ``svg:desc``).
"""

from __future__ import annotations

import zipfile
from xml.etree.ElementTree import Element

from foidesk.core.release_check.odf_styles import OFFICE, STYLE, TEXT
from foidesk.core.release_check.unseen_text import is_tool_bookmark

TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
SVG = "{urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0}"
FORM = "{urn:oasis:names:tc:opendocument:xmlns:form:1.0}"
MANIFEST = "{urn:oasis:names:tc:opendocument:xmlns:manifest:1.0}"
XLINK = "{http://www.w3.org/1999/xlink}"
OPEN_NAMESPACES = frozenset(
    {
        "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
        "urn:oasis:names:tc:opendocument:xmlns:dr3d:1.0",
        "urn:oasis:names:tc:opendocument:xmlns:form:1.0",
        "urn:oasis:names:tc:opendocument:xmlns:script:1.0",
        "http://purl.org/dc/elements/1.1/",
        "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
        "http://www.w3.org/1998/Math/MathML",
    }
)


def _names(text: str) -> list[str]:
    return text.split()


KNOWN_TEXT = frozenset(
    TEXT + tag
    for tag in _names(
        "p h span s tab line-break soft-page-break a list list-item list-header numbered-paragraph number "
        "section section-source table-of-content illustration-index table-index object-index user-index "
        "alphabetical-index bibliography index-body index-title table-of-content-source "
        "illustration-index-source table-index-source object-index-source user-index-source "
        "alphabetical-index-source bibliography-source index-title-template table-of-content-entry-template "
        "illustration-index-entry-template table-index-entry-template object-index-entry-template "
        "user-index-entry-template alphabetical-index-entry-template bibliography-entry-template "
        "index-source-styles index-source-style index-entry-chapter index-entry-text index-entry-page-number "
        "index-entry-span index-entry-tab-stop index-entry-link-start index-entry-link-end "
        "index-entry-bibliography sort-key bookmark bookmark-start bookmark-end bookmark-ref reference-mark "
        "reference-mark-start reference-mark-end reference-ref note note-citation note-body note-ref "
        "sequence sequence-ref sequence-decls sequence-decl variable-decls variable-decl variable-set "
        "variable-get variable-input user-field-decls user-field-decl user-field-get user-field-input "
        "expression text-input page-number page-count page-continuation date time title subject "
        "description keywords chapter file-name template-name sheet-name word-count character-count "
        "paragraph-count table-count image-count object-count initial-creator creator creation-date "
        "creation-time modification-date modification-time print-date print-time printed-by editing-cycles "
        "editing-duration author-name author-initials sender-firstname sender-lastname sender-initials "
        "sender-title sender-position sender-email sender-phone-private sender-fax sender-company "
        "sender-phone-work sender-street sender-city sender-postal-code sender-country "
        "sender-state-or-province "
        "placeholder conditional-text hidden-text hidden-paragraph tracked-changes changed-region insertion "
        "deletion format-change change change-start change-end toc-mark toc-mark-start toc-mark-end "
        "alphabetical-index-mark alphabetical-index-mark-start alphabetical-index-mark-end user-index-mark "
        "user-index-mark-start user-index-mark-end bibliography-mark ruby ruby-base ruby-text meta "
        "meta-field "
        "measure page-variable-set page-variable-get"
    )
)
KNOWN_TABLE = frozenset(
    TABLE + tag
    for tag in _names(
        "table table-column table-columns table-column-group table-header-columns table-row table-rows "
        "table-row-group table-header-rows table-cell covered-table-cell"
    )
)
KNOWN_OFFICE = frozenset(
    OFFICE + tag
    for tag in _names("body text annotation annotation-end forms binary-data event-listeners change-info")
)
KNOWN_STYLE = frozenset(
    STYLE + tag
    for tag in _names("master-page header footer header-left footer-left header-first footer-first")
)
ALT_TEXT = frozenset({SVG + "title", SVG + "desc"})
FORM_VALUES = ("value", "current-value", "label", "title", "string-value", "current-state")
# The names an OpenDocument text's package holds (ODF 1.2 Part 3, 3): anything else is unaccounted.
PACKAGE_FILES = frozenset(
    {
        "mimetype",
        "content.xml",
        "styles.xml",
        "meta.xml",
        "settings.xml",
        "manifest.rdf",
        "META-INF/manifest.xml",
    }
)
PACKAGE_FOLDERS = ("Pictures/", "Thumbnails/", "Configurations2/", "Object ", "ObjectReplacements/", "Basic/")
PACKAGE_FOLDERS_UNLISTED = ("Configurations2/",)  # LibreOffice lists the folder, not its files


def _namespace(tag: str) -> str:
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""


def is_known(tag: str) -> bool:
    """A text, table or office element the gate knows, or one of the drawing, form and change vocabularies."""
    if tag.startswith(TEXT):
        return tag in KNOWN_TEXT
    if tag.startswith(TABLE):
        return tag in KNOWN_TABLE
    if tag.startswith(OFFICE):
        return tag in KNOWN_OFFICE
    if tag.startswith(STYLE):
        return tag in KNOWN_STYLE
    return (tag.startswith(SVG) and tag in ALT_TEXT) or _namespace(tag) in OPEN_NAMESPACES


def unaccounted_elements(root: Element) -> list[str]:
    return sorted({element.tag for element in root.iter() if not is_known(element.tag)})


def conditional_texts(root: Element) -> list[str]:
    """The string of each conditional text a reader is not shown (ODF 1.2 7.7.3): both are in the file."""
    hidden = []
    for element in root.iter(TEXT + "conditional-text"):
        shown = "".join(element.itertext())
        for attribute in ("string-value-if-true", "string-value-if-false"):
            value = element.get(TEXT + attribute, "")
            if value.strip() and value != shown:
                hidden.append(value)
    return hidden


def hidden_variables(root: Element) -> list[str]:
    """Values of variables and user fields that are stored but not displayed (ODF 1.2 7.4)."""
    shown_fields = {
        e.get(TEXT + "name") for e in root.iter(TEXT + "user-field-get") if e.get(TEXT + "display") != "none"
    }
    values = []
    for element in root.iter():
        if element.tag not in (TEXT + "user-field-decl", TEXT + "variable-set", TEXT + "variable-decl"):
            continue
        value = element.get(OFFICE + "string-value") or element.get(OFFICE + "value") or ""
        if element.tag == TEXT + "variable-set":
            value = value or "".join(element.itertext())
            if element.get(TEXT + "display") == "none" and value.strip():
                values.append(value)
        elif (
            element.tag == TEXT + "user-field-decl"
            and value.strip()
            and element.get(TEXT + "name") not in shown_fields
        ):
            values.append(value)  # a user field declared with a value that nothing displays
    for element in root.iter():
        if (
            element.tag in (TEXT + "variable-get", TEXT + "user-field-get", TEXT + "expression")
            and element.get(TEXT + "display") == "none"
        ):
            text = "".join(element.itertext()) or element.get(OFFICE + "string-value", "")
            if text.strip():
                values.append(text)
    return values


def form_values(root: Element) -> list[str]:
    """Values, labels and items of form controls (``office:forms``), which no printed page shows in full."""
    values = []
    for forms in root.iter(OFFICE + "forms"):
        for control in forms.iter():
            if not control.tag.startswith(FORM):
                continue
            values += [control.get(FORM + a, "") for a in FORM_VALUES]
            values += [t.strip() for t in control.itertext()]
    return [value for value in values if value.strip()]


def alt_texts(root: Element) -> list[str]:
    """Alt text of drawings (svg:title, svg:desc) and links' titles: read aloud or shown on hover only."""
    texts = ["".join(e.itertext()).strip() for e in root.iter() if e.tag in ALT_TEXT]
    for link in (e for e in root.iter() if e.tag in (TEXT + "a", DRAW + "a")):
        texts += [link.get(OFFICE + "title", ""), link.get(XLINK + "title", "")]
    return [text for text in texts if text.strip()]


def bookmark_names(root: Element) -> list[str]:
    """Bookmarks and reference marks a person named (not LibreOffice's own, see ``unseen_text``)."""
    tags = (
        TEXT + "bookmark",
        TEXT + "bookmark-start",
        TEXT + "reference-mark",
        TEXT + "reference-mark-start",
    )
    return [
        name for e in root.iter() if e.tag in tags and not is_tool_bookmark(name := e.get(TEXT + "name", ""))
    ]


def unlisted_package_files(archive: zipfile.ZipFile, manifest: Element | None) -> list[str]:
    """Files the manifest does not list, or that an OpenDocument text does not hold."""
    listed = set()
    if manifest is not None:
        listed = {e.get(MANIFEST + "full-path", "") for e in manifest.iter(MANIFEST + "file-entry")}
    odd = []
    for info in archive.infolist():
        name = info.filename
        if name.endswith("/") and info.file_size == 0:
            continue
        known = name in PACKAGE_FILES or name.startswith(PACKAGE_FOLDERS)
        needs_listing = name not in ("mimetype", "META-INF/manifest.xml") and not name.startswith(
            PACKAGE_FOLDERS_UNLISTED
        )
        if not known or (needs_listing and name not in listed):
            odd.append(name)
    return odd
