"""LanguageTool's HTTP API, spoken by mtnorm (``mtnorm serve``).

Editors, browser extensions and word processors already talk to LanguageTool
servers through ``POST /v2/check``; this module turns such a request into an
mtnorm run and the run into LanguageTool's answer. It imports no web stack:
:mod:`normalize.server` puts it behind HTTP, the tests call it directly.

Offsets: mtnorm counts code points, LanguageTool's clients count UTF-16 code
units (Java's ``String``), so an emoji before a finding moves it by two there
and by one here. :class:`Utf16` converts; every ``offset``/``length`` in an
answer is in UTF-16 units of the text the client sent (for ``data``, of the
whole annotated text, markup included).
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass, field
from typing import Any, Mapping

from .model import Document, Finding, Result
from .rules import RULES

SUPPORTED = ("en", "es", "fr", "de", "it", "pt", "ru")
NAMES = {"en": "English", "es": "Spanish", "fr": "French", "de": "German", "it": "Italian",
         "pt": "Portuguese", "ru": "Russian"}
VARIANTS = {
    "en": {"en-US": "English (US)", "en-GB": "English (GB)", "en-AU": "English (Australian)",
           "en-CA": "English (Canadian)", "en-NZ": "English (New Zealand)",
           "en-ZA": "English (South African)"},
    "es": {"es-ES": "Spanish (Spain)", "es-AR": "Spanish (voseo)"},
    "fr": {"fr-FR": "French (France)", "fr-CA": "French (Canada)", "fr-BE": "French (Belgium)",
           "fr-CH": "French (Switzerland)"},
    "de": {"de-DE": "German (Germany)", "de-AT": "German (Austria)", "de-CH": "German (Swiss)"},
    "it": {"it-IT": "Italian (Italy)"},
    "pt": {"pt-PT": "Portuguese (Portugal)", "pt-BR": "Portuguese (Brazil)",
           "pt-AO": "Portuguese (Angola preAO)", "pt-MZ": "Portuguese (Moçambique preAO)"},
    "ru": {"ru-RU": "Russian"},
}
CATEGORY_NAMES = {
    "casing": "Casing", "run_together": "Run-together words",
    "capitalised_anchor": "Capitalised link anchors", "quote": "Quotation marks",
    "spacing": "Spacing", "punctuation": "Punctuation", "untranslated": "Untranslated text",
    "inconsistent_entity": "Inconsistent names", "mistranslation": "Mistranslations",
    "encoding": "Encoding",
}
# LanguageTool's issue types (its rules' ``issueType``; clients colour by them)
ISSUE_TYPES = {
    "casing": "typographical", "run_together": "misspelling", "capitalised_anchor": "typographical",
    "quote": "typographical", "spacing": "whitespace", "punctuation": "typographical",
    "untranslated": "untranslated", "inconsistent_entity": "inconsistency",
    "mistranslation": "mistranslation", "encoding": "typographical",
}
CONTEXT_CHARS = 40          # LanguageTool's context: this much either side of a match
SENTENCE_REACH = 400        # a match's sentence is looked for this far either side, no further
_ASTRAL_RE = re.compile("[\U00010000-\U0010FFFF]")
_SENTENCE_END_RE = re.compile(r"[.!?…]+[\"'”»)]*\s+|\n\s*")


class RequestError(ValueError):
    """A request that cannot be answered (HTTP 400); the message says why."""


def base_language(code: str | None) -> str | None:
    """``en-US`` → ``en``; ``auto`` (or nothing) → None; an unsupported one → RequestError."""
    if code is None or not code.strip() or code.strip().lower() == "auto":
        return None
    base = code.strip().replace("_", "-").split("-")[0].lower()
    if base not in SUPPORTED:
        raise RequestError(f"mtnorm does not support language '{code}' "
                           f"(supported: auto, {', '.join(SUPPORTED)} and their variants)")
    return base


def languages() -> list[dict[str, str]]:
    """``GET /v2/languages``: each language and variant, LanguageTool's shape."""
    out = []
    for lang in SUPPORTED:
        out.append({"name": NAMES[lang], "code": lang, "longCode": lang})
        for long_code, name in VARIANTS[lang].items():
            out.append({"name": name, "code": lang, "longCode": long_code})
    return out


class Utf16:
    """Code-point offsets of one text to UTF-16 code units and back."""

    def __init__(self, text: str):
        self.astral = [m.start() for m in _ASTRAL_RE.finditer(text)]

    def units(self, cp: int) -> int:
        """The UTF-16 offset of code point ``cp``."""
        return cp + bisect.bisect_left(self.astral, cp) if self.astral else cp

    def code_point(self, units: int) -> int:
        """The code point at UTF-16 offset ``units`` (inside a surrogate pair: the pair's start)."""
        if not self.astral:
            return units
        lo, hi = 0, units
        while lo < hi:          # the largest cp with units(cp) <= units
            mid = (lo + hi + 1) // 2
            if self.units(mid) <= units:
                lo = mid
            else:
                hi = mid - 1
        return lo


@dataclass
class Annotated:
    """A text to check with where each of its characters came from.

    ``plain`` is what the pipeline reads: the text parts, and each markup part
    as its ``interpretAs`` (LanguageTool's annotated text); ``original`` is the
    whole annotated text, markup included, the one the client's offsets count
    in. Segments are ``(plain_start, plain_end, orig_start, orig_end, is_text)``.
    """

    plain: str
    original: str
    segments: list[tuple[int, int, int, int, bool]] = field(default_factory=list)

    @classmethod
    def from_text(cls, text: str) -> "Annotated":
        return cls(text, text, [(0, len(text), 0, len(text), True)])

    @classmethod
    def from_data(cls, data: str | Mapping) -> "Annotated":
        """LanguageTool's ``data`` parameter: ``{"annotation": [{"text": …},
        {"markup": …, "interpretAs": …}, …]}`` (a JSON string or its value)."""
        if isinstance(data, str):
            try:
                data = json.loads(data)
            except json.JSONDecodeError as exc:
                raise RequestError(f"'data' is not JSON: {exc.msg} at character {exc.pos}") from None
        parts = data.get("annotation") if isinstance(data, Mapping) else None
        if not isinstance(parts, list):
            raise RequestError("'data' needs an 'annotation' list of {'text': …} and {'markup': …} parts")
        plain, original, segments = [], [], []
        p = o = 0
        for part in parts:
            if not isinstance(part, Mapping) or not (("text" in part) ^ ("markup" in part)):
                raise RequestError("each part of 'annotation' has either 'text' or 'markup'")
            if "text" in part:
                t = _string(part["text"], "text")
                plain.append(t)
                original.append(t)
                segments.append((p, p + len(t), o, o + len(t), True))
                p, o = p + len(t), o + len(t)
            else:
                m = _string(part["markup"], "markup")
                shown = _string(part.get("interpretAs", ""), "interpretAs")
                plain.append(shown)
                original.append(m)
                segments.append((p, p + len(shown), o, o + len(m), False))
                p, o = p + len(shown), o + len(m)
        return cls("".join(plain), "".join(original), segments)

    def __post_init__(self) -> None:
        self._ends = [s[1] for s in self.segments]

    def to_original(self, start: int, end: int) -> tuple[int, int, bool]:
        """The original span of plain ``[start, end)``, and whether it is text
        alone (a replacement may then be applied to the original as it is)."""
        if not self.segments or start >= len(self.plain):
            n = len(self.original)
            return n, n, bool(self.segments) and self.segments[-1][4]
        i = bisect.bisect_right(self._ends, start)          # the segment holding character `start`
        j = bisect.bisect_right(self._ends, max(start, end - 1))
        si, sj = self.segments[i], self.segments[j]
        o_start = si[2] + (start - si[0]) if si[4] else si[2]
        if end <= start:
            return o_start, o_start, si[4]
        o_end = sj[2] + (end - sj[0]) if sj[4] else sj[3]
        # every segment from the first to the last, empty markup between included, is text
        return o_start, o_end, all(seg[4] for seg in self.segments[i:j + 1])


def _string(v: Any, key: str) -> str:
    if not isinstance(v, str):
        raise RequestError(f"'{key}' in 'data' must be a string")
    return v


def _flag(v: Any) -> bool:
    return str(v).strip().lower() in ("true", "1", "yes", "on")


def _list(v: Any) -> list[str]:
    if v is None:
        return []
    if isinstance(v, (list, tuple)):
        items = v
    else:
        items = str(v).split(",")
    return [x.strip() for x in items if x and x.strip()]


@dataclass
class CheckRequest:
    """The parameters of ``POST /v2/check`` that mtnorm reads."""

    text: Annotated
    language: str | None            # None: detect
    language_code: str              # as the client wrote it (``en-US``, ``auto``)
    rules: frozenset[str]           # the mtnorm codes to run
    mother_tongue: str | None = None
    picky: bool = False

    @classmethod
    def from_params(cls, params: Mapping[str, Any]) -> "CheckRequest":
        if params.get("text") is not None and params.get("data") is not None:
            raise RequestError("give either 'text' or 'data', not both")
        if params.get("text") is not None:
            text = Annotated.from_text(str(params["text"]))
        elif params.get("data") is not None:
            text = Annotated.from_data(params["data"])
        else:
            raise RequestError("missing 'text' or 'data'")
        code = str(params.get("language") or "").strip()
        if not code:
            raise RequestError("missing 'language' (a code such as en-US, or auto)")
        language = base_language(code)
        mother = params.get("motherTongue")
        mother_lang = None
        if mother and str(mother).strip():
            try:
                mother_lang = base_language(str(mother))
            except RequestError:
                mother_lang = None     # a mother tongue mtnorm has no false friends for: no guess
        return cls(text, language, code, select_rules(params), mother_lang,
                   str(params.get("level", "")).strip().lower() == "picky")


def select_rules(params: Mapping[str, Any]) -> frozenset[str]:
    """The mtnorm codes a request enables, by LanguageTool's semantics:
    ``enabledOnly=true`` runs only ``enabledRules`` and ``enabledCategories``;
    otherwise the default rules plus ``enabledRules``, less ``disabledRules``
    and ``disabledCategories``. Rule ids are mtnorm codes; category ids are
    mtnorm's categories (``CASING``, ``RUN_TOGETHER``…), in any case. Ids that
    are not mtnorm's (a client's LanguageTool defaults) are ignored, as
    LanguageTool ignores ids it does not know."""
    enabled = {x.upper() for x in _list(params.get("enabledRules"))}
    disabled = {x.upper() for x in _list(params.get("disabledRules"))}
    en_cats = {x.lower() for x in _list(params.get("enabledCategories"))}
    dis_cats = {x.lower() for x in _list(params.get("disabledCategories"))}
    if _flag(params.get("enabledOnly", "false")):
        if not enabled and not en_cats:
            raise RequestError("enabledOnly=true needs enabledRules or enabledCategories")
        codes = {c for c, r in RULES.items() if c in enabled or r.category.value in en_cats}
    else:
        codes = {c for c, r in RULES.items() if r.default or c in enabled}
    return frozenset(c for c in codes if c not in disabled and RULES[c].category.value not in dis_cats)


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence around ``[start, end)``, looked for no further than
    :data:`SENTENCE_REACH` either side (a line without stops costs no more)."""
    lo = max(0, start - SENTENCE_REACH)
    s = lo
    for m in _SENTENCE_END_RE.finditer(text, lo, start):
        s = m.end()
    m = _SENTENCE_END_RE.search(text, end, min(len(text), end + SENTENCE_REACH))
    e = m.start() + len(m.group().rstrip()) if m else min(len(text), end + SENTENCE_REACH)
    return text[s:e].strip()


def visible(f: Finding, text: str) -> Finding:
    """``f`` as an editor shows it: an insertion (an empty span, e.g. the
    space `Sunday.She` lacks) widened to the character either side on its
    line, its replacements with them, so there is something to underline and
    the fix still applies as it is."""
    if f.start != f.end:
        return f
    left = f.start - 1 if f.start > 0 and text[f.start - 1] not in "\r\n" else f.start
    right = f.end + 1 if f.end < len(text) and text[f.end] not in "\r\n" else f.end
    before, after = text[left:f.start], text[f.end:right]
    return Finding(f.rule, left, right, f.message, tuple(before + r + after for r in f.replacements),
                   f.applicability, f.evidence)


def match(f: Finding, plain: str, annotated: Annotated, orig16: Utf16) -> dict[str, Any]:
    """One finding as a LanguageTool match (offsets in UTF-16 units of the original)."""
    f = visible(f, plain)
    r = RULES[f.rule]
    o_start, o_end, clean = annotated.to_original(f.start, f.end)
    c_start = max(0, f.start - CONTEXT_CHARS)
    c_end = min(len(plain), f.end + CONTEXT_CHARS)
    lead = "..." if c_start > 0 else ""
    ctx_text = lead + plain[c_start:c_end].replace("\n", " ") + ("..." if c_end < len(plain) else "")
    ctx16 = Utf16(ctx_text)
    in_ctx = len(lead) + f.start - c_start
    offset = orig16.units(o_start)
    return {
        "message": f.message,
        "shortMessage": r.name.replace("-", " "),
        # markup inside the span: a replacement would delete it, so none is offered
        "replacements": [{"value": v} for v in f.replacements] if clean else [],
        "offset": offset,
        "length": orig16.units(o_end) - offset,
        "context": {"text": ctx_text, "offset": ctx16.units(in_ctx),
                    "length": ctx16.units(in_ctx + f.end - f.start) - ctx16.units(in_ctx)},
        "sentence": _sentence(plain, f.start, f.end),
        "type": {"typeName": "Other"},
        "rule": {"id": f.rule, "description": r.summary,
                 "issueType": ISSUE_TYPES.get(r.category.value, "other"),
                 "category": {"id": r.category.value.upper(),
                              "name": CATEGORY_NAMES.get(r.category.value, r.category.value)}},
        "ignoreForIncompleteSentence": False,
        "contextForSureMatch": 0,
        # mtnorm's own: LanguageTool clients ignore keys they do not know
        "mtnorm": {"applicability": f.applicability.value, "category": r.category.value},
    }


def document(req: CheckRequest) -> Document:
    """The document the pipeline runs on: the plain text; ``motherTongue``
    as the source-language guess (what the false-friend rules read when no
    source is given, at the guess's lower safety class)."""
    doc = Document(req.text.plain, language=req.language)
    if req.mother_tongue and req.mother_tongue != req.language:
        doc.metadata["source_guess"] = {
            "language": req.mother_tongue, "score": None,
            "evidence": [{"kind": "motherTongue", "text": req.mother_tongue,
                          "languages": [req.mother_tongue]}]}
    return doc


def software() -> dict[str, Any]:
    from . import __version__
    return {"name": "mtnorm", "version": __version__, "buildDate": None, "apiVersion": 1,
            "status": "", "premium": False}


def response(req: CheckRequest, result: Result) -> dict[str, Any]:
    """The answer to ``POST /v2/check``."""
    detected = result.language or req.language or "en"
    if req.language:
        long_code = req.language_code.replace("_", "-")
        name = next((n for lang, vs in VARIANTS.items() for c, n in vs.items() if c.lower() == long_code.lower()),
                    NAMES.get(req.language, req.language))
        language = {"name": name, "code": long_code,
                    "detectedLanguage": {"name": NAMES.get(detected, detected), "code": detected,
                                         "confidence": 1.0, "source": "request"}}
    else:
        language = {"name": NAMES.get(detected, detected), "code": detected,
                    "detectedLanguage": {"name": NAMES.get(detected, detected), "code": detected,
                                         "source": "mtnorm"}}
    orig16 = Utf16(req.text.original)
    plain = req.text.plain
    return {"software": software(), "warnings": {"incompleteResults": False},
            "language": language,
            "matches": [match(f, plain, req.text, orig16) for f in result.findings]}



class Service:
    """The pipelines a server answers with, built once and kept.

    One :class:`~normalize.pipeline.Pipeline` per distinct set of rules,
    language and level a client asks for (at most :attr:`MAX_PIPELINES`, the
    least recently used dropped first), all sharing the configuration the
    server was started with (``[tool.mtnorm]``/``.mtnorm.toml``: rule packs,
    style, select/ignore) and one MT model when one is configured.
    """

    MAX_PIPELINES = 16

    def __init__(self, config=None, mt=None, unsafe_fixes: bool | None = None):
        from .config import Config
        self.config = config if config is not None else Config(None)
        self.mt = mt
        self.unsafe_fixes = bool(self.config.get("unsafe-fixes", False) if unsafe_fixes is None else unsafe_fixes)
        from .pipeline import enabled_rules
        self.allowed_rules = frozenset(enabled_rules(self.config.get("select"), self.config.get("ignore")))
        self._pipelines: dict[tuple, Any] = {}

    def pipeline(self, rules: frozenset[str], language: str | None, picky: bool = False):
        from .pipeline import Pipeline
        cfg = self.config
        codes = tuple(sorted(rules & self.allowed_rules))
        language = language or cfg.get("lang")
        key = (codes, language, picky)
        pipe = self._pipelines.pop(key, None)
        if pipe is None:
            options = cfg.pipeline_options()
            options["split_compounds"] = picky or options["split_compounds"]
            pipe = Pipeline(unsafe_fixes=self.unsafe_fixes, language=language,
                            source_language=cfg.get("source-lang"), rule_dirs=cfg.rule_dirs(),
                            options=options, mt=self.mt)
            pipe.rules = set(codes)     # exactly these (none left: nothing runs)
            while len(self._pipelines) >= self.MAX_PIPELINES:
                self._pipelines.pop(next(iter(self._pipelines)))
        self._pipelines[key] = pipe     # most recently used last
        return pipe

    def check(self, params: Mapping[str, Any]) -> dict[str, Any]:
        """``POST /v2/check``: LanguageTool's answer for ``params`` (form fields)."""
        req = CheckRequest.from_params(params)
        result = self.pipeline(req.rules, req.language, req.picky).check(document(req))
        return response(req, result)

    def fix(self, params: Mapping[str, Any]) -> dict[str, Any]:
        """``POST /mtnorm/fix``: the cleaned text, the findings (mtnorm's JSON
        schema, code-point offsets) and the unified diff."""
        from .diff import unified_diff
        from .output import edit_dict, finding_dict
        from .text import Analysis
        text = params.get("text")
        if text is None:
            raise RequestError("missing 'text'")
        text = str(text)
        language = base_language(str(params.get("language") or "auto"))
        unsafe = _flag(params["unsafeFixes"]) if "unsafeFixes" in params else self.unsafe_fixes
        pipe = self.pipeline(select_rules(params), language, str(params.get("level", "")).lower() == "picky")
        pipe = pipe.with_unsafe_fixes(unsafe)
        result = pipe.fix(Document(text, language=language))
        a = Analysis(result.original, result.language)
        return {"software": software(), "language": result.language, "changed": result.changed,
                "text": result.text,
                "findings": [finding_dict(f, result, a) for f in result.findings],
                "edits": [edit_dict(e) for e in result.edits],
                "diff": unified_diff(result.original, result.text, str(params.get("path") or "-"))}

    def warm_up(self) -> None:
        """Load what the first request would (word lists, lexicons, the
        language detector) before any client waits for it."""
        from .pipeline import enabled_rules
        rules = frozenset(enabled_rules())
        self.pipeline(rules, None).check(Document("The talks in kyiv ended on Sunday.She said so."))
