"""The stage protocol: one method over a document, its own stats."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

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
        self._form_caches: dict[tuple, FormCache] = {}

    def form_cache(self, key: tuple, decide: Callable[[str], Any]) -> "FormCache":
        """This stage's :class:`FormCache` for ``key`` (what the decisions
        depend on: language, rule directories, options), made on first use
        with ``decide``."""
        cache = self._form_caches.get(key)
        if cache is None:
            cache = self._form_caches[key] = FormCache(decide)
        return cache

    def applies_to(self, language: str | None) -> bool:
        return self.languages is None or language in self.languages

    def process(self, doc: Document, ctx: Context) -> Iterable[Finding]:  # pragma: no cover
        raise NotImplementedError


class FormCache:
    """What a stage decided about each distinct word form, kept across the
    documents of a run: a corpus repeats its vocabulary, so each form is
    decided once, and a document costs two set operations (new forms, then
    the forms that matched), both in C. ``decide(form)`` returns a falsy
    value for forms that do not matter; the values of the others are kept.
    Cleared when it holds ``limit`` forms, so memory stays bounded."""

    def __init__(self, decide: Callable[[str], Any], limit: int = 1_000_000):
        self.decide = decide
        self.limit = limit
        self.seen: set[str] = set()
        self.values: dict[str, Any] = {}

    def select(self, forms: frozenset[str]) -> dict[str, Any]:
        """form -> value, for the forms of ``forms`` whose decision is truthy."""
        new = forms - self.seen
        if new:
            if len(self.seen) + len(new) > self.limit:
                self.seen.clear()
                self.values.clear()
                new = set(forms)
            decide, values = self.decide, self.values
            for form in new:
                value = decide(form)
                if value:
                    values[form] = value
            self.seen |= new
        return {form: self.values[form] for form in self.values.keys() & forms}


def finding(rule: str, start: int, end: int, message: str, replacements: Iterable[str] = (),
            applicability: Applicability = Applicability.SAFE, **evidence: Any) -> Finding:
    return Finding(rule, start, end, message, tuple(replacements), applicability, evidence)
