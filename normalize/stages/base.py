"""The stage protocol: one method over a document, its own stats."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from ..model import Applicability, Document, Finding
from ..text import Analysis


@dataclass
class Context:
    """What a stage may read besides the document: the pass's shared analysis,
    the run's options (style choices, extra rule directories) and, once the
    language is known, the forms the run has met in it (see :class:`KnownForms`)."""

    analysis: Analysis
    options: dict[str, Any] = field(default_factory=dict)
    rule_dirs: tuple[str, ...] = ()
    known: "KnownForms | None" = None


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

    def form_cache(self, key: tuple, decide: Callable[[str], Any],
                   worth: Callable[[set[str]], Iterable[str]] | None = None) -> "FormCache":
        """This stage's :class:`FormCache` for ``key`` (what the decisions
        depend on: language, rule directories, options), made on first use
        with ``decide`` (and ``worth``, see :class:`FormCache`)."""
        cache = self._form_caches.get(key)
        if cache is None:
            cache = self._form_caches[key] = FormCache(decide, worth=worth)
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
    Cleared when it holds ``limit`` forms, so memory stays bounded.

    Given the pass's :class:`KnownForms`, the cache takes from it which forms
    are new (one look-up per form for all the stages of a pass, not one per
    stage), for as long as it decides the new forms of every pass it is
    given; a pass it sits out sends it back to keeping its own record.

    ``worth(forms)``, when given, is the stage's cheap necessary test over a
    pass's new forms: the forms it leaves out are taken as decided falsy
    and never decided (most forms of a text fail a look-up or two, where
    deciding one costs a dozen)."""

    def __init__(self, decide: Callable[[str], Any], limit: int = 1_000_000,
                 worth: Callable[[set[str]], Iterable[str]] | None = None):
        self.decide = decide
        self.worth = worth
        self.limit = limit
        self.seen: set[str] = set()
        self.values: dict[str, Any] = {}
        self.known: KnownForms | None = None   # whose record this cache shares
        self.served = 0                         # the last pass of ``known`` it decided

    def select(self, forms: frozenset[str], known: "KnownForms | None" = None) -> dict[str, Any]:
        """form -> value, for the forms of ``forms`` whose decision is truthy
        (``forms`` a subset of the pass's vocabulary when ``known`` is given)."""
        if known is not None and self.known is None and not self.seen and not known.met:
            self.known = known
            known.caches.append(self)
        shared = self.known is not None and self.known is known
        if shared:
            new = known.new & forms
            self.served = known.pass_id
        else:
            new = forms - self.seen
            if new and len(self.seen) + len(new) > self.limit:
                self.seen.clear()
                self.values.clear()
                new = set(forms)
        if new:
            decide, values = self.decide, self.values
            for form in (new if self.worth is None else self.worth(new)):
                value = decide(form)
                if value:
                    values[form] = value
            if not shared:
                self.seen |= new
        return {form: self.values[form] for form in self.values.keys() & forms}

    def detach(self) -> None:
        """Stop sharing the run's record: decide every form again as met."""
        self.known = None
        self.seen.clear()


class KnownForms:
    """The word forms a run has met in documents of one language, and so every
    form cache that shares this record has decided.

    The pipeline begins a pass with its vocabulary (:meth:`begin`: the new
    forms are found with one set difference) and commits it when every stage
    has run (:meth:`commit`); a pass that fails is not committed, and its new
    forms are new again in the next. A cache that did not decide the new
    forms of a committed pass stops sharing the record. At ``limit`` forms
    the record and the sharing caches' values start over, so memory stays
    bounded."""

    def __init__(self, limit: int = 1_000_000):
        self.limit = limit
        self.met: set[str] = set()
        self.caches: list[FormCache] = []
        self.pass_id = 0
        self._analysis = None
        self._new: frozenset[str] | None = None

    def begin(self, analysis: Analysis) -> None:
        """A pass over the text of ``analysis`` starts."""
        self.pass_id += 1
        self._analysis, self._new = analysis, None

    @property
    def new(self) -> frozenset[str]:
        """The forms of this pass's vocabulary the run has not met."""
        if self._new is None:
            self._new = self._analysis.vocabulary - self.met
        return self._new

    def commit(self) -> None:
        """Every stage has run: the new forms are met."""
        new, self._analysis, self._new = self._new, None, None
        if new is None:
            return   # no cache asked: nothing was decided, nothing is met
        for cache in [c for c in self.caches if c.served != self.pass_id]:
            cache.detach()
            self.caches.remove(cache)
        if len(self.met) + len(new) > self.limit:
            self.met.clear()
            for cache in self.caches:
                cache.values.clear()
        else:
            self.met |= new


def finding(rule: str, start: int, end: int, message: str, replacements: Iterable[str] = (),
            applicability: Applicability = Applicability.SAFE, **evidence: Any) -> Finding:
    return Finding(rule, start, end, message, tuple(replacements), applicability, evidence)
