"""Text a carrier holds that a reader of the file does not otherwise see: an allowlist.

Alt text, descriptions, bookmark names, document properties and printed headers hold text that no page
shows. Most of it is what the writing program puts there itself ("Picture 1", Word's ``_GoBack``, the
application's name), or words the page already shows (a picture described by its caption). That is
warned of and stripped by the copy. Anything else is text a reader does not see, and the gate blocks it
(issue 14: fail closed): a rule of what is allowed, not a list of what is suspected.

A carrier's text counts as seen when its words, in order, are words of the visible text (case, spacing,
punctuation and camel case ignored: a bookmark ``RefusalReasons`` is seen in "Refusal reasons"), never as
a part of a longer word: ``Smith`` is not seen in "Smithfield".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from xml.etree.ElementTree import Element

from lxml import etree

from foidesk.core.personal_data import pattern_matches
from foidesk.core.release_check.findings import Finding, Severity

SNIPPET = 60  # characters of a carrier's text quoted in a finding, as other findings quote

# Names Word, Excel and LibreOffice give pictures, shapes, tables and frames themselves, with a number
# (or none): "Picture 1", "Text Box 4", "Straight Arrow Connector 7", "Image1", "Shape1", "Table1".
TOOL_OBJECT_NAME = re.compile(
    r"(?:picture|image|graphic|graphics|chart|diagram|smartart|text ?box|text ?frame|frame|shape|"
    r"rectangle|rounded rectangle|oval|ellipse|line|straight connector|straight arrow connector|"
    r"elbow connector|connector|arrow|right arrow|freeform|group|canvas|drawing|object|ole object|"
    r"table|content placeholder|title|ink|signature line|equation)\s*\d*",
    re.IGNORECASE,
)
# Bookmarks Word and LibreOffice write themselves: the cursor's last place, headings of a table of
# contents, links to headings and cross-references, OLE links, fieldmarks.
TOOL_BOOKMARK = re.compile(
    r"_GoBack|_(?:Toc|Hlk|Ref|Hlt|MON_|Toc_|Ref_)\d+|_PictureBullets|OLE_LINK\d+|"
    r"__(?:RefHeading|DdeLink|Fieldmark|UnoMark|RefNumPara)__\d+(?:_\d+)*|"
    r"__RefHeading___Toc\d+(?:_\d+)*|_Toc\d+_\d+"
)
# Word's own description of a picture ("A picture containing text, logo" + this line): words of
# a few kinds, no figures. A phrase with digits, or a long one, is judged as any other text.
WORD_AUTO_DESCRIPTION = re.compile(
    r"(?P<phrase>[^\d]{0,120}?)\s*description automatically generated"
    r"(?: with (?:high|medium|low) confidence)?\.?",
    re.IGNORECASE | re.DOTALL,
)
# What Word's glossary holds for its own content controls (the placeholder prompts of each kind).
WORD_PLACEHOLDER = re.compile(
    r"(?:Click or tap here to enter text|Click here to enter text|Choose an item|Click or tap to enter a date"
    r"|Click here to enter a date|Enter any content that you want to repeat, including other content"
    r" controls\. You can also insert this control around table rows in order to repeat parts of a table)\.?"
)
# A person's description of a picture or a table for a screen reader ("Bar chart of requests by month"),
# which accessibility asks every published picture to have: a few plain words, no figures or codes, and
# nothing the personal-data recogniser takes for a name, an address or a number of a person.
DESCRIPTION_WORDS = 20
_PLAIN_WORDS = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*(?:[ \t]+[^\W\d_]+(?:['’-][^\W\d_]+)*)*[.,;:]?")
_WORD = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+|[^\W\d_A-Za-z]+")


def words(text: str) -> list[str]:
    """The words of ``text`` in lower case: letters and figures, camel case split, the rest a gap."""
    return [word.casefold() for word in _WORD.findall(text)]


class SeenText:
    """The words a reader of a file sees, to tell whether a carrier's text repeats them."""

    def __init__(self, texts: Iterable[str]) -> None:
        self._joined = " " + " ".join(" ".join(words(text)) for text in texts) + " "

    def sees(self, text: str) -> bool:
        """True when every word of ``text`` is in the visible text, in the same order, together."""
        found = words(text)
        return not found or f" {' '.join(found)} " in self._joined


def is_tool_name(text: str) -> bool:
    """A name the writing program gives an object itself ("Picture 1", "Image3"), or none."""
    return not text.strip() or TOOL_OBJECT_NAME.fullmatch(text.strip()) is not None


def is_tool_bookmark(name: str) -> bool:
    """A bookmark Word or LibreOffice writes itself (``_GoBack``, ``_Toc123``, ``__RefHeading__1_2``)."""
    return not name.strip() or TOOL_BOOKMARK.fullmatch(name.strip()) is not None


def is_plain_description(text: str) -> bool:
    """A picture's or a table's description for a screen reader: Word's automatic one ("A picture
    containing text, logo / Description automatically generated"), or a few plain words (see
    ``DESCRIPTION_WORDS``) naming no person."""
    text = " ".join(text.split())
    automatic = WORD_AUTO_DESCRIPTION.fullmatch(text)
    if automatic is not None:
        text = " ".join(automatic.group("phrase").split()) or "picture"
    return (
        len(text.split()) <= DESCRIPTION_WORDS
        and _PLAIN_WORDS.fullmatch(text.replace(", ", " ")) is not None
        and not pattern_matches(text)
    )


def is_alt_text_allowed(text: str) -> bool:
    """Alt text, a tooltip or a table's description that may stay a warning: the tool's own name of
    the object, or a plain description."""
    return is_tool_name(text) or is_plain_description(text)


def is_word_placeholder(text: str) -> bool:
    """The prompts Word stores in a glossary for its content controls ("Click or tap here to enter text.")."""
    return not text.strip() or WORD_PLACEHOLDER.fullmatch(" ".join(text.split())) is not None


def unseen(texts: Iterable[str], seen: SeenText, allowed: Callable[[str], bool]) -> list[str]:
    """The texts neither ``allowed`` (a tool's own) nor words the reader sees: the ones to block."""
    return [text for text in texts if not (allowed(text) or seen.sees(text))]


def carrier_findings(
    code: str,
    where: str,
    texts: list[str],
    seen: SeenText,
    what: str,
    allowed: Callable[[str], bool] = is_alt_text_allowed,
) -> list[Finding]:
    """One finding for a carrier's texts: a block quoting what no reader sees, else a warning.

    ``what`` says which carrier ("Alt text or tooltips, read aloud or shown on hover only"); the
    quote is cut as other findings cut theirs.
    """
    texts = [text for text in texts if text.strip()]
    if not texts:
        return []
    hidden = unseen(texts, seen, allowed)
    if hidden:
        return [
            Finding(
                code,
                Severity.BLOCK,
                where,
                f"{what}, holding text the document does not show: '{' | '.join(hidden)[:SNIPPET]}'.",
            )
        ]
    return [Finding(code, Severity.WARN, where, f"{what}: '{' | '.join(texts)[:SNIPPET]}'.")]


# ------------------------------------------------------------------ document properties

# Properties a person types free text into (OOXML core and extended properties, ODF meta.xml): they block
# when they hold words the file does not show. The others are the program's (application, dates, revision,
# counts, template) or name who wrote the file (author, last modified by, company), in nearly every file:
# warned of, and never copied.
FREE_TEXT_PROPERTIES = frozenset(
    {"title", "subject", "description", "keywords", "keyword", "category", "contentStatus", "identifier"}
    | {"version", "Manager", "HyperlinkBase"}
)
# Custom properties programs set themselves (sensitivity labels, SharePoint, Word's review cycle, the
# extended properties LibreOffice carries over from a DOCX): their values are ids, flags and labels.
TOOL_CUSTOM_PROPERTY = re.compile(
    r"MSIP_Label_[0-9A-Fa-f-]+_(?:Enabled|SetDate|Method|Name|SiteId|ActionId|ContentBits|Tag)|ContentTypeId|"
    r"_dlc_Doc(?:Id|IdItemGuid|IdUrl)|TaxCatchAll|TaxKeyword|MediaServiceImageTags|_MarkAsFinal|"
    r"_NewReviewCycle|_AdHocReviewCycleID|_ReviewingToolsShownOnce|Order|ComplianceAssetId|"
    r"GrammarlyDocumentId|AppVersion|DocSecurity|HyperlinksChanged|LinksUpToDate|ScaleCrop|ShareDoc|Company"
)
# What a writing library puts in a free-text property of its template itself (python-docx's comments).
TOOL_PROPERTY_VALUE = re.compile(r"generated by python-docx")
# The value of a tool's property that names a label or a company ("OFFICIAL-SENSITIVE", "Standard",
# "Metropolitan Police Service"): letters only. Figures (a code, a number) are judged as text.
TOOL_LABEL = re.compile(r"[^\W\d_][^\W\d_ &'.,-]*(?:[ &'.,-]+[^\W\d_]+){0,7}")
# A value that is no words: empty, a number, a flag, a date, an id (GUID or hex).
NO_WORDS = re.compile(
    r"|[-+]?\d+(?:[.,]\d+)*|true|false|\d{4}-\d\d-\d\d(?:T[\d:.]+Z?)?|\{?[0-9A-Fa-f-]{32,38}\}?|0x[0-9A-Fa-f]+",
    re.IGNORECASE,
)


def property_texts(fields: Iterable[tuple[str, str]], custom: Iterable[tuple[str, str]]) -> list[str]:
    """The texts of free-text properties and of custom properties a person set (name and value), to judge
    against what the file shows; ``fields`` and ``custom`` are (name, value) pairs."""
    texts = [
        value
        for name, value in fields
        if name in FREE_TEXT_PROPERTIES and value.strip() and not TOOL_PROPERTY_VALUE.fullmatch(value.strip())
    ]
    for name, value in custom:
        if TOOL_CUSTOM_PROPERTY.fullmatch(name):
            if not (NO_WORDS.fullmatch(value.strip()) or TOOL_LABEL.fullmatch(value.strip())):
                texts.append(value)  # a tool's property holding more than an id, a flag or a label
            continue
        texts.append(name)
        if not NO_WORDS.fullmatch(value.strip()):
            texts.append(value)
    return texts


def property_finding(code: str, where: str, texts: list[str], seen: SeenText) -> list[Finding]:
    """A block when document properties hold words the file does not show."""
    hidden = [text for text in texts if not seen.sees(text)]
    if not hidden:
        return []
    return [
        Finding(
            code,
            Severity.BLOCK,
            where,
            "Document properties (title, subject, keywords, comments, custom properties) hold text the file "
            f"does not show: '{' | '.join(hidden)[:SNIPPET]}'.",
        )
    ]


ODF_META = "{urn:oasis:names:tc:opendocument:xmlns:meta:1.0}"


def odf_property_finding(code: str, meta: Element | etree._Element, seen: SeenText) -> list[Finding]:
    """``property_finding`` for an OpenDocument's meta.xml (dc:title ..., meta:user-defined)."""
    fields = []
    custom = []
    for element in meta.iter():
        if not isinstance(element.tag, str):
            continue
        local = element.tag.rsplit("}", 1)[-1]
        text = "".join(str(piece) for piece in element.itertext()).strip()
        if local == "user-defined":
            custom.append((element.get(ODF_META + "name", ""), text))
        else:
            fields.append((local, text))
    return property_finding(code, "meta.xml", property_texts(fields, custom), seen)


def seen_in_batches(texts: list[str], batches: Iterable[Iterable[str]]) -> SeenText:
    """What of ``texts`` some batch of a file's strings shows, read batch by batch (a big workbook's
    strings are never held at once): a ``SeenText`` of the texts found."""
    left = list(dict.fromkeys(texts))
    found: list[str] = []
    for batch in batches:
        if not left:
            break
        seen = SeenText(batch)
        found += [text for text in left if seen.sees(text)]
        left = [text for text in left if text not in found]
    return SeenText(found)
