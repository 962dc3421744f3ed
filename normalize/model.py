"""The one data model that flows through mtnorm.

text in -> :class:`Document` -> stages add :class:`Finding` objects -> the edit
engine turns chosen findings into :class:`Edit` objects -> :class:`Result`.

All offsets are Unicode code points into the text the finding was made on; the
pipeline maps later passes back onto the original text, so every offset that
leaves the pipeline points into the caller's original string.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any


class Applicability(str, Enum):
    """How confident a proposed replacement is (ruff's fix classes).

    ``safe`` fixes are applied by ``mtnorm fix``; ``unsafe`` ones only with
    ``--unsafe-fixes``; ``display`` ones are shown as suggestions and never applied.
    """

    SAFE = "safe"
    UNSAFE = "unsafe"
    DISPLAY = "display"


class Category(str, Enum):
    """The fixed list of artefact categories every rule belongs to."""

    CASING = "casing"
    RUN_TOGETHER = "run_together"
    CAPITALISED_ANCHOR = "capitalised_anchor"
    QUOTE = "quote"
    SPACING = "spacing"
    PUNCTUATION = "punctuation"
    UNTRANSLATED = "untranslated"
    INCONSISTENT_ENTITY = "inconsistent_entity"
    MISTRANSLATION = "mistranslation"
    ENCODING = "encoding"


@dataclass
class Document:
    """A text and what the pipeline knows about it.

    ``language`` is filled by the language stage unless the caller forces it.
    ``source_language`` is a hint for source-aware rules (false friends).
    ``source`` is the source-language text, when the caller has it.
    """

    text: str
    path: str | None = None
    language: str | None = None
    source_language: str | None = None
    source: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Finding:
    """One artefact found in a text.

    ``start``/``end`` are code-point offsets; ``replacements`` are candidate
    texts for ``text[start:end]`` (the first is the one a fix applies);
    ``applicability`` says whether the first replacement may be applied.
    """

    rule: str
    start: int
    end: int
    message: str
    replacements: tuple[str, ...] = ()
    applicability: Applicability = Applicability.DISPLAY
    evidence: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def fix(self) -> str | None:
        return self.replacements[0] if self.replacements else None

    @property
    def segment_language(self) -> str | None:
        """The language a passage in another language was found to be in
        (untranslated findings), else None."""
        return self.evidence.get("language")

    def shifted(self, start: int, end: int) -> "Finding":
        return Finding(self.rule, start, end, self.message, self.replacements,
                       self.applicability, self.evidence)


@dataclass(frozen=True)
class Edit:
    """Replace ``original[start:end]`` with ``replacement``; ``rules`` made it."""

    start: int
    end: int
    replacement: str
    rules: tuple[str, ...] = ()


@dataclass
class Result:
    """What the pipeline returns for one document."""

    original: str
    text: str
    language: str | None
    findings: list[Finding]
    edits: list[Edit]
    stats: dict[str, Any]
    passes: int = 1

    @property
    def changed(self) -> bool:
        return self.text != self.original
