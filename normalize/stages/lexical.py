"""Lexical confusions (false friends) and inconsistent entity spellings, both
driven by rule-pack data: ``confusions.yaml`` and ``consistency.yaml``."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from ..model import Applicability, Document
from ..names import EVIDENCE_WINDOW
from ..resources import RulePackError, load_yaml, pack_dirs, yaml_lines
from .base import Context, Stage, finding


CONFUSION_FIELDS = frozenset({"id", "pattern", "sources", "candidates", "map", "context", "strong",
                              "window", "message", "inject", "evidence"})


@dataclass(frozen=True)
class Confusion:
    id: str
    pattern: re.Pattern
    sources: frozenset[str]
    candidates: tuple[str, ...]
    mapping: dict
    context: re.Pattern | None
    strong: re.Pattern | None
    window: int
    message: str
    literal: str | None = None   # case-folded text every match contains (a prefilter)
    evidence: re.Pattern | None = None   # the right sense written elsewhere in the document


MAX_PATTERN = 4000


def _sre_parse():
    """The parser behind ``re`` (``re._parser`` from Python 3.11, ``sre_parse`` before)."""
    try:
        from re import _parser
        return _parser
    except ImportError:  # pragma: no cover - Python 3.10
        import sre_parse
        return sre_parse


@lru_cache(maxsize=1)
def _extra_cases() -> dict[str, str]:
    """case-folded character -> the characters ``re`` matches to it under
    IGNORECASE although their ``str.casefold`` is something else (i: ı and
    İ), from the tables ``re`` itself uses."""
    out: dict[str, set[str]] = {}
    try:
        from re import _casefix   # Python 3.11+
        pairs = [(chr(k), [chr(v) for v in vs]) for k, vs in _casefix._EXTRA_CASES.items()]
    except ImportError:  # pragma: no cover - Python 3.10
        import sre_compile
        pairs = [(chr(k), [chr(v) for v in g if v != k])
                 for g in getattr(sre_compile, "_equivalences", ()) for k in g]
    for low, others in pairs:
        out.setdefault(low.casefold(), set()).update(o for o in others if o.casefold() != low.casefold())
    out.setdefault("i", set()).add("\u0130")   # İ: its lower case is two characters
    return {k: "".join(sorted(v)) for k, v in out.items() if v}


def literal_may_occur(literal: str, text: str, folded: str) -> bool:
    """Can a match of ``literal`` (case-folded), in any case, occur in
    ``text`` (whose ``casefold()`` is ``folded``)? False only when it cannot.
    Case folding, unlike ``lower``, has no context rule (a final sigma)."""
    if literal in folded:
        return True
    extra = _extra_cases()
    return any(c in text for ch in set(literal) for c in extra.get(ch, ""))


def required_literal(pattern: str) -> str | None:
    """The longest run of literal characters that every match of ``pattern``
    contains, case-folded (``income`` in ``\\b(?P<span>income)\\b``); None
    when there is none of two characters or more (an alternation at the top,
    a class). A text whose case folding lacks it cannot match, whatever the
    pattern's case flags (see :func:`literal_may_occur`)."""
    sre_parse = _sre_parse()
    repeats = {sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT, getattr(sre_parse, "POSSESSIVE_REPEAT", None)}

    def runs(node) -> list[str]:
        out, cur = [], []
        for op, av in node:
            if op == sre_parse.LITERAL:
                cur.append(chr(av))
                continue
            if cur:
                out.append("".join(cur))
                cur = []
            if op == sre_parse.SUBPATTERN:
                out += runs(av[-1])
            elif op in repeats and av[0] >= 1:
                out += runs(av[2])
            elif op == getattr(sre_parse, "ATOMIC_GROUP", None):
                out += runs(av)
        if cur:
            out.append("".join(cur))
        return out

    try:
        found = runs(sre_parse.parse(pattern))
    except Exception:  # noqa: BLE001 - an unparsable pattern fails in re.compile, with its message
        return None
    best = max(found, key=len, default="")
    return best.casefold() if len(best) >= 2 else None


def required_literals(pattern: str) -> tuple[str, ...] | None:
    """Case-folded literals one of which every match of ``pattern`` contains:
    :func:`required_literal` when there is one, else one per branch of an
    alternation (``\\b(?:TASS|Interfax)\\b``: ``tass``, ``interfax``); None when
    some branch has no literal of two characters or more."""
    one = required_literal(pattern)
    if one is not None:
        return (one,)
    sre_parse = _sre_parse()

    def options(node) -> list[str] | None:
        for op, av in node:
            if op == sre_parse.SUBPATTERN:
                found = options(av[-1])
            elif op == sre_parse.BRANCH:
                found = []
                for branch in av[1]:
                    sub = _branch_literal(branch) or options(branch)
                    if not sub:
                        found = None
                        break
                    found += sub
            else:
                continue
            if found:
                return found
        return None

    def _branch_literal(branch) -> list[str] | None:
        run = []
        best = ""
        for op, av in branch:
            if op == sre_parse.LITERAL:
                run.append(chr(av))
                continue
            best = max(best, "".join(run), key=len)
            run = []
        best = max(best, "".join(run), key=len)
        return [best.casefold()] if len(best) >= 2 else None

    try:
        found = options(sre_parse.parse(pattern))
    except Exception:  # noqa: BLE001 - an unparsable pattern fails in re.compile, with its message
        return None
    return tuple(dict.fromkeys(found)) if found else None


def _unbounded(node) -> bool:
    """Does a parsed regex subtree contain a repeat with no upper bound (or a large one)?"""
    sre_parse = _sre_parse()
    for op, av in node:
        if op in (sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT, getattr(sre_parse, "POSSESSIVE_REPEAT", None)):
            lo, hi, body = av
            if hi is sre_parse.MAXREPEAT or hi > 100 or _unbounded(body):
                return True
        elif op == sre_parse.SUBPATTERN:
            if _unbounded(av[-1]):
                return True
        elif op == getattr(sre_parse, "ATOMIC_GROUP", None):
            if _unbounded(av):
                return True
        elif op == sre_parse.BRANCH:
            if any(_unbounded(b) for b in av[1]):
                return True
        elif op in (sre_parse.ASSERT, sre_parse.ASSERT_NOT):
            if _unbounded(av[1]):
                return True
    return False


def check_pattern_safety(pattern: str) -> str | None:
    """Why ``pattern`` could backtrack catastrophically, or None. Rejected:
    a group repeated without bound (or over ten times) whose body repeats without
    bound (``(a+)+``, ``(\\w*\\s?)*``),
    back-references, and patterns longer than MAX_PATTERN characters."""
    sre_parse = _sre_parse()
    if len(pattern) > MAX_PATTERN:
        return f"longer than {MAX_PATTERN} characters"
    parsed = sre_parse.parse(pattern)

    def walk(node) -> str | None:
        for op, av in node:
            if op in (sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT):
                lo, hi, body = av
                # a small bounded outer repeat ({1,3}) only costs a low power of n
                if (hi is sre_parse.MAXREPEAT or hi > 10) and _unbounded(body):
                    return "a repeated group contains an unbounded repeat (nested quantifiers)"
                r = walk(body)
                if r:
                    return r
            elif op == sre_parse.GROUPREF or op == sre_parse.GROUPREF_EXISTS:
                return "back-references are not allowed"
            elif op == sre_parse.SUBPATTERN:
                r = walk(av[-1])
                if r:
                    return r
            elif op == sre_parse.BRANCH:
                for b in av[1]:
                    r = walk(b)
                    if r:
                        return r
            elif op in (sre_parse.ASSERT, sre_parse.ASSERT_NOT):
                r = walk(av[1])
                if r:
                    return r
        return None

    return walk(parsed)


def _compile(value, where: str, flags=re.IGNORECASE) -> re.Pattern | None:
    """Compile a rule pack's pattern, refusing ones that could hang on
    adversarial text: rule packs are data from anywhere, never trusted code."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise RulePackError(f"{where}: expected a regular expression string")
    try:
        compiled = re.compile(value, flags)
    except re.error as exc:
        raise RulePackError(f"{where}: invalid regular expression: {exc}") from None
    unsafe = check_pattern_safety(value)
    if unsafe:
        raise RulePackError(f"{where}: unsafe regular expression: {unsafe}")
    return compiled


@lru_cache(maxsize=None)
def confusions(lang: str, rule_dirs: tuple[str, ...] = ()) -> tuple[Confusion, ...]:
    out = []
    for d in pack_dirs(lang, rule_dirs):
        p = d / "confusions.yaml"
        if not p.is_file():
            continue
        data = load_yaml(p) or {}
        entries = data.get("confusions") if isinstance(data, dict) else None
        if not isinstance(entries, list):
            raise RulePackError(f"{p}: field `confusions`: expected a list")
        lines = yaml_lines(p, "confusions")
        for n, e in enumerate(entries):
            line = lines[n] if n < len(lines) else "?"
            where = f"{p}:{line}: confusions[{n}]"
            if not isinstance(e, dict) or "id" not in e or "pattern" not in e:
                raise RulePackError(f"{where}: each entry needs `id` and `pattern`")
            unknown = set(e) - CONFUSION_FIELDS
            if unknown:
                raise RulePackError(f"{where}: unknown field(s) {', '.join(sorted(unknown))} "
                                    f"(known: {', '.join(sorted(CONFUSION_FIELDS))})")
            where = f"{p}:{line}: confusions[{n}] ({e['id']})"
            cands = e.get("candidates") or []
            if not isinstance(cands, list) or not cands:
                raise RulePackError(f"{where}: field `candidates`: expected a non-empty list")
            out.append(Confusion(
                id=str(e["id"]), pattern=_compile(e["pattern"], f"{where}: field `pattern`"),
                sources=frozenset(e.get("sources") or ()), candidates=tuple(map(str, cands)),
                mapping={str(k).lower(): str(v) for k, v in (e.get("map") or {}).items()},
                context=_compile(e.get("context"), f"{where}: field `context`", 0),
                strong=_compile(e.get("strong"), f"{where}: field `strong`", 0),
                window=int(e.get("window", 8)), message=str(e.get("message", e["id"])),
                literal=required_literal(e["pattern"]),
                evidence=_compile(e.get("evidence"), f"{where}: field `evidence`", 0)))
    return tuple(out)


_WORDISH = re.compile(r"[\w\-]")
_SENT_BOUND = re.compile(r"[.!?…]\s|\n")


class ConfusionStage(Stage):
    """Flag false friends: with their context when the source language is known
    (``--source-lang es``) or guessed from the document
    (:mod:`normalize.source_guess`); where the document writes the right sense
    elsewhere (`bloc` … `the block`, `accession` … `income`); or on a strong
    pattern in any case."""

    name = "confusions"
    requires = ("language",)
    rules = ("MTN601",)

    def process(self, doc: Document, ctx: Context):
        text = doc.text
        out = []
        folded = None
        lang = doc.language or "en"
        source = doc.source_language
        guessed = None
        if not source and ctx.options.get("guess_source", True):
            guessed = self._guess(doc, ctx, lang)
            source = guessed["language"] if guessed else None
        for c in confusions(lang, ctx.rule_dirs):
            if c.literal is not None:
                folded = text.casefold() if folded is None else folded
                if not literal_may_occur(c.literal, text, folded):
                    continue   # substring tests at C speed rule the pattern out
            senses = list(c.evidence.finditer(text)) if c.evidence is not None else []
            starts = [x.start() for x in senses]
            for m in c.pattern.finditer(text):
                right_sense = self._nearest(senses, starts, m.start())
                span = m.span("span") if "span" in c.pattern.groupindex else m.span()
                s_start, s_end = self._sentence(text, m.start())
                sentence = text[s_start:s_end]
                strong = bool(c.strong and any(
                    sm.start() <= m.start() - s_start < sm.end() for sm in c.strong.finditer(sentence)))
                contextual = inconsistent = False
                if c.context is not None and (source in c.sources or right_sense is not None):
                    window = self._window(text, m.start(), m.end(), c.window)
                    in_context = bool(c.context.search(window))
                    contextual = in_context and source in c.sources
                    # the document writes the right sense elsewhere: one source word, two renderings
                    inconsistent = in_context and right_sense is not None
                if not (strong or contextual or inconsistent):
                    continue
                key = m.group("key").lower() if "key" in c.pattern.groupindex and m.group("key") else None
                first = c.mapping.get(key) if key else None
                cands = [first] if first else []
                cands += [x for x in c.candidates if x not in cands]
                original = text[span[0]:span[1]]
                if original[:1].isupper():
                    cands = [x[:1].upper() + x[1:] for x in cands]
                self.stats[c.id] += 1
                message = c.message
                if inconsistent and not strong:
                    message += f" (the text writes `{right_sense.group()}` elsewhere)"
                out.append(finding("MTN601", span[0], span[1], message, cands,
                                   Applicability.UNSAFE if strong or inconsistent else Applicability.DISPLAY,
                                   confusion=c.id, strong=strong,
                                   source_language=doc.source_language or source,
                                   source_guessed=bool(guessed) and not doc.source_language,
                                   right_sense=right_sense.group() if right_sense else None))
        return out

    @staticmethod
    def _nearest(senses: list, starts: list[int], pos: int):
        """The match of the right sense nearest to ``pos`` that does not hold
        it, when within the document's evidence window (None otherwise): in a
        long text, `accession` in another article says nothing of `income`."""
        k = bisect.bisect_left(starts, pos)
        best = None
        for j in (k - 1, k, k + 1):
            if 0 <= j < len(senses) and not senses[j].start() <= pos < senses[j].end():
                d = abs(senses[j].start() - pos)
                if d <= EVIDENCE_WINDOW and (best is None or d < abs(best.start() - pos)):
                    best = senses[j]
        return best

    @staticmethod
    def _guess(doc: Document, ctx: Context, lang: str):
        """The document's source-language guess, made once per document (the
        first pass; kept in its metadata for the passes after)."""
        if "source_guess" in doc.metadata:
            return doc.metadata["source_guess"]
        from ..source_guess import guess_source
        guessed = guess_source(doc.text, lang, ctx.analysis, ctx.rule_dirs)
        doc.metadata["source_guess"] = guessed
        return guessed

    @staticmethod
    def _sentence(text: str, pos: int) -> tuple[int, int]:
        start = 0
        for m in _SENT_BOUND.finditer(text, max(0, pos - 400), pos):
            start = m.end()
        m = _SENT_BOUND.search(text, pos)
        return start, (m.start() + 1 if m else len(text))

    @staticmethod
    def _window(text: str, start: int, end: int, n: int) -> str:
        left = text[max(0, start - 12 * n):start].split()[-n:]
        right = text[end:end + 12 * n].split()[:n]
        return " ".join(left + [text[start:end]] + right)


@lru_cache(maxsize=None)
def consistency_groups(lang: str, rule_dirs: tuple[str, ...] = ()) -> dict[str, tuple[str, ...]]:
    groups: dict[str, tuple[str, ...]] = {}
    for d in pack_dirs(lang, rule_dirs):
        p = d / "consistency.yaml"
        if not p.is_file():
            continue
        data = load_yaml(p) or {}
        g = data.get("groups") if isinstance(data, dict) else None
        if not isinstance(g, dict):
            raise RulePackError(f"{p}: field `groups`: expected a mapping of id -> list of spellings")
        lines = yaml_lines(p, "groups")
        for gid, variants in g.items():
            if not isinstance(variants, list) or len(variants) < 2:
                raise RulePackError(f"{p}:{lines.get(gid, '?') if isinstance(lines, dict) else '?'}: "
                                    f"groups.{gid}: expected a list of at least two spellings")
            groups[str(gid)] = tuple(map(str, variants))
    return groups


class ConsistencyStage(Stage):
    """Flag the minority spellings of an entity the document spells several ways.

    The preferred spelling is the house style (``style`` option, keyed by the
    group id) when configured — then the fix is safe — or else the document's
    majority spelling, ties going to the group's first spelling — an unsafe fix.
    """

    name = "consistency"
    requires = ("language",)
    rules = ("MTN701",)

    def __init__(self) -> None:
        super().__init__()
        self._compiled: dict[tuple, tuple[re.Pattern, dict[str, str]]] = {}

    def _matcher(self, lang: str, rule_dirs: tuple[str, ...]):
        """One regex for every spelling of every group (one pass over the text)."""
        key = (lang, rule_dirs)
        if key not in self._compiled:
            groups = consistency_groups(lang, rule_dirs)
            owner = {v: gid for gid, variants in groups.items() for v in variants}
            alts = "|".join(re.escape(v) for v in sorted(owner, key=len, reverse=True))
            # no look-behind first: the engine then scans for the spellings'
            # first letters at C speed; the character before is checked in _hits
            rx = re.compile(rf"(?:{alts})(?![\w\-])") if owner else None
            self._compiled[key] = (rx, owner)
        return self._compiled[key]

    @staticmethod
    def _hits(rx: re.Pattern, text: str):
        """The matches of ``rx`` not preceded by a word character or a hyphen
        (what ``(?<![\\w\\-])`` in front of it would find): a match that is
        rejected is searched again one character on."""
        pos = 0
        while True:
            h = rx.search(text, pos)
            if h is None:
                return
            s = h.start()
            if s and _WORDISH.match(text, s - 1):
                pos = s + 1
                continue
            yield h
            pos = h.end()

    def process(self, doc: Document, ctx: Context):
        text = doc.text
        lang = doc.language or "en"
        rx, owner = self._matcher(lang, ctx.rule_dirs)
        if rx is None:
            return []
        by_group: dict[str, list[re.Match]] = {}
        for h in self._hits(rx, text):
            by_group.setdefault(owner[h.group()], []).append(h)
        if not by_group:
            return []
        groups = consistency_groups(lang, ctx.rule_dirs)
        style = {str(k).lower(): v for k, v in (ctx.options.get("style") or {}).items()}
        out = []
        for gid, hits in by_group.items():
            variants = groups[gid]
            counts = Counter(h.group() for h in hits)
            preferred = style.get(gid.lower())
            if preferred is None and len(counts) < 2:
                continue
            if preferred is None:
                preferred = max(variants, key=lambda v: (counts.get(v, 0), -variants.index(v)))
                applicability = Applicability.UNSAFE
            else:
                applicability = Applicability.SAFE
            for h in hits:
                if h.group() != preferred:
                    self.stats["variants"] += 1
                    out.append(finding("MTN701", h.start(), h.end(),
                                       f"`{h.group()}` is spelled `{preferred}` elsewhere"
                                       if counts.get(preferred) else
                                       f"house style spells `{h.group()}` as `{preferred}`",
                                       [preferred], applicability, group=gid,
                                       counts=dict(counts)))
        return out
