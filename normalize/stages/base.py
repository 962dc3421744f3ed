"""The stage protocol: one method over a document, its own stats."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Iterable

from ..model import Applicability, Document, Finding
from ..text import Analysis


@dataclass
class Context:
    """What a stage may read besides the document: the pass's shared analysis
    and the run's options (style choices, extra rule directories)."""

    analysis: Analysis
    options: dict[str, Any] = field(default_factory=dict)
    rule_dirs: tuple[str, ...] = ()


class Stage:
    """A pipeline stage.

    ``requires`` names what must be known first (``"language"``);
    ``provides`` what the stage adds (``"language"``, ``"findings"``);
    ``rules`` the codes of the findings it can emit. ``stats`` counts its work.
    """

    name: str = "stage"
    requires: tuple[str, ...] = ()
    provides: tuple[str, ...] = ("findings",)
    rules: tuple[str, ...] = ()
    languages: tuple[str, ...] | None = None  # None: language independent

    def __init__(self) -> None:
        self.stats: Counter = Counter()

    def applies_to(self, language: str | None) -> bool:
        return self.languages is None or language in self.languages

    def process(self, doc: Document, ctx: Context) -> Iterable[Finding]:  # pragma: no cover
        raise NotImplementedError


def finding(rule: str, start: int, end: int, message: str, replacements: Iterable[str] = (),
            applicability: Applicability = Applicability.SAFE, **evidence: Any) -> Finding:
    return Finding(rule, start, end, message, tuple(replacements), applicability, evidence)
