"""Loading rule packs and lexicons (data under ``rules/``) and word frequencies.

Everything is loaded lazily and cached per language, so a run that never
needs a language never reads its files.
"""

from __future__ import annotations

import math
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

SUPPORTED_LANGUAGES = ("en", "es", "fr", "de", "it", "pt", "ru")


class RulePackError(ValueError):
    """A rule pack or lexicon file is malformed; the message names file and field."""


def rules_root() -> Path:
    return Path(str(resources.files("rules")))


def pack_dirs(lang: str, extra: tuple[str, ...] = ()) -> list[Path]:
    """Directories searched for a language's data: built-in common, built-in
    language, then user-supplied directories (later ones extend earlier)."""
    root = rules_root()
    dirs = [root / "common", root / lang]
    for d in extra:
        p = Path(d)
        dirs += [p / "common", p / lang]
    return [d for d in dirs if d.is_dir()]


def load_yaml(path: Path) -> Any:
    try:
        with open(path, encoding="utf-8") as fh:
            return yaml.safe_load(fh)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise RulePackError(f"{where}: invalid YAML: {getattr(exc, 'problem', exc)}") from None


def yaml_lines(path: Path, key: str) -> list[int] | dict[str, int]:
    """1-based line numbers of the items under top-level ``key`` (a list: per
    index; a mapping: per key), for error messages that point into the file."""
    try:
        with open(path, encoding="utf-8") as fh:
            root = yaml.compose(fh)
    except yaml.YAMLError:
        return []
    if not isinstance(root, yaml.MappingNode):
        return []
    for k, v in root.value:
        if getattr(k, "value", None) == key:
            if isinstance(v, yaml.SequenceNode):
                return [item.start_mark.line + 1 for item in v.value]
            if isinstance(v, yaml.MappingNode):
                return {kk.value: kk.start_mark.line + 1 for kk, _ in v.value}
    return []


def read_tsv(path: Path, required: tuple[str, ...] = ()) -> list[dict[str, str]]:
    """Rows of a tab-separated file with a header line ('#' lines are comments,
    blank lines are skipped). Fields are split on tabs, nothing is quoted; a
    short row's missing fields are None, a long row's extra fields are a list
    under the key None (as csv.DictReader gives them)."""
    with open(path, encoding="utf-8", newline="") as fh:
        lines = [(n, line.rstrip("\r\n")) for n, line in enumerate(fh, 1)
                 if not line.startswith("#") and line.strip("\r\n")]
    header = lines[0][1].split("\t") if lines else []
    missing = [c for c in required if c not in header]
    if missing:
        where = f"{path}:{lines[0][0]}" if lines else str(path)
        raise RulePackError(f"{where}: header lacks column(s) {', '.join(missing)}")
    rows = []
    width = len(header)
    for n, line in lines[1:]:
        values = line.split("\t")
        row: dict = dict(zip(header, values))
        if len(values) < width:
            row.update(dict.fromkeys(header[len(values):]))
        elif len(values) > width:
            row[None] = values[width:]
        for c in required:
            if not row.get(c):
                raise RulePackError(f"{path}:{n}: field `{c}` is empty")
        rows.append(row)
    return rows


def read_list(path: Path) -> list[str]:
    with open(path, encoding="utf-8") as fh:
        return [ln.strip() for ln in fh if ln.strip() and not ln.startswith("#")]


@lru_cache(maxsize=None)
def word_list(lang: str, name: str, rule_dirs: tuple[str, ...] = ()) -> frozenset[str]:
    """The union of ``name`` (one lower-case word a line) over a language's packs."""
    words: set[str] = set()
    for d in pack_dirs(lang, rule_dirs):
        p = d / name
        if p.is_file():
            words.update(w.lower() for w in read_list(p))
    return frozenset(words)


@lru_cache(maxsize=None)
def word_frequencies(lang: str) -> dict[str, float]:
    """wordfreq's frequency table for ``lang`` (case-folded words -> frequency).
    Empty for a language mtnorm does not support."""
    if lang not in SUPPORTED_LANGUAGES:
        return {}
    try:
        import wordfreq
        return wordfreq.get_frequency_dict(lang, wordlist="best")
    except (LookupError, ImportError, ValueError):
        return {}


@lru_cache(maxsize=None)
def top_frequencies(lang: str, min_zipf: float = 3.0) -> dict[str, float]:
    """The part of :func:`word_frequencies` at or above ``min_zipf``, built
    from the top of wordfreq's frequency-ordered buckets only (at zipf 3, 6
    to 9 % of the words; wordfreq unpacks the list once for both), for rules that
    only ask "is this word frequent there?"."""
    if lang not in SUPPORTED_LANGUAGES:
        return {}
    try:
        import wordfreq
        pack = wordfreq.get_frequency_list(lang, "best")
    except (LookupError, ImportError, ValueError):
        return {}
    out: dict[str, float] = {}
    for index, bucket in enumerate(pack):
        freq = wordfreq.cB_to_freq(-index)
        if not freq or math.log10(freq * 1e9) < min_zipf:
            break   # buckets run from the most to the least frequent
        out.update(dict.fromkeys(bucket, freq))
    return out


def zipf(freqs: dict[str, float], word: str) -> float:
    """Zipf frequency (log10 per billion words); 0.0 for an unknown word."""
    f = freqs.get(word)
    return math.log10(f * 1e9) if f else 0.0


@lru_cache(maxsize=None)
def nonbreaking_prefixes(lang: str) -> frozenset[str]:
    """Abbreviations after which a full stop does not end a sentence (Moses' lists)."""
    data = _moses_prefix_data()
    if data is not None:
        # a language Moses lacks gets the English list, as sacremoses does
        text = data.get(f"nonbreaking_prefix.{lang}", data.get("nonbreaking_prefix.en", ""))
        return frozenset(ln.strip() for ln in text.splitlines() if ln.strip() and not ln.strip().startswith("#"))
    try:
        from sacremoses.corpus import NonbreakingPrefixes
        return frozenset(NonbreakingPrefixes().words(lang=_moses_lang(lang)))
    except Exception:  # noqa: BLE001 - a language Moses lacks simply has none
        return frozenset()


@lru_cache(maxsize=1)
def _moses_prefix_data() -> dict[str, str] | None:
    """sacremoses' prefix lists, read from its data module alone: importing
    the package compiles its tokenizer's regexes (half a second per worker)
    that mtnorm never uses. None when that module is not where it was, and
    the public API is used instead."""
    import importlib.util
    try:
        spec = importlib.util.find_spec("sacremoses")
        path = Path(spec.submodule_search_locations[0]) / "_data_nonbreaking_prefixes.py"
        mod_spec = importlib.util.spec_from_file_location("_mtnorm_moses_prefixes", path)
        module = importlib.util.module_from_spec(mod_spec)
        mod_spec.loader.exec_module(module)
        data = module.NONBREAKING_PREFIXES
        return data if isinstance(data, dict) else None
    except Exception:  # noqa: BLE001 - any layout change: fall back to the public API
        return None


def _moses_lang(lang: str) -> str:
    return {"en": "english", "es": "spanish", "fr": "french", "de": "german", "it": "italian",
            "pt": "portuguese", "ru": "russian"}.get(lang, lang)
