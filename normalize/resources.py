"""Loading rule packs and lexicons (data under ``rules/``) and word frequencies.

Everything is loaded lazily and cached per language, so a run that never
needs a language never reads its files.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import sys
import tempfile
import zlib
from array import array
from bisect import bisect_left
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Callable

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
    # (asked for "common" itself, each directory once)
    return [d for k, d in enumerate(dirs) if d.is_dir() and d not in dirs[:k]]


# libyaml's loader when PyYAML was built with it (its wheels are): the same
# safe loading, several times faster than the pure-Python one
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(path: Path) -> Any:
    try:
        with open(path, encoding="utf-8") as fh:
            return yaml.load(fh, Loader=_YAML_LOADER)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise RulePackError(f"{where}: invalid YAML: {getattr(exc, 'problem', exc)}") from None


def yaml_lines(path: Path, key: str) -> list[int] | dict[str, int]:
    """1-based line numbers of the items under top-level ``key`` (a list: per
    index; a mapping: per key), for error messages that point into the file."""
    try:
        with open(path, encoding="utf-8") as fh:
            root = yaml.compose(fh, Loader=_YAML_LOADER)
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
def word_frequencies(lang: str) -> WordFrequencies | dict[str, float]:
    """wordfreq's frequency table for ``lang`` (case-folded words ->
    frequency), looked up like a read-only dict (see :class:`WordFrequencies`).
    Empty for a language mtnorm does not support."""
    if lang not in SUPPORTED_LANGUAGES:
        return {}
    try:
        return WordFrequencies.load(lang)
    except ImportError:
        pass   # no numpy to build the index with: wordfreq's own dict, slower to make
    except (LookupError, ValueError, OSError):
        return {}
    try:
        import wordfreq
        table = wordfreq.get_frequency_dict(lang, wordlist="best")
        return FoldedWords(table) if lang in SHARP_S_LANGUAGES else table
    except (LookupError, ImportError, ValueError):
        return {}


@lru_cache(maxsize=None)
def top_frequencies(lang: str, min_zipf: float = 3.0) -> dict[str, float]:
    """The words of :func:`word_frequencies` at or above ``min_zipf``, as a
    dict (6 to 9 % of the words at zipf 3), for rules that only ask "is this
    word frequent there?" or go over the frequent words."""
    table = word_frequencies(lang)
    if not table:
        return {}
    if isinstance(table, WordFrequencies) and min_zipf >= WordFrequencies.HELD_ZIPF:
        return table.top(min_zipf)
    out: dict[str, float] = FoldedWords() if lang in SHARP_S_LANGUAGES else {}
    for word, freq in iter_frequencies(lang):
        if math.log10(freq * 1e9) < min_zipf:
            break
        out[word] = freq
    return out


def iter_frequencies(lang: str):
    """(word, frequency) over all of wordfreq's list for ``lang``, from the
    most to the least frequent (unpacks the whole list: for the rare rule
    that walks it, not for look-ups)."""
    import wordfreq
    for index, bucket in enumerate(wordfreq.get_frequency_list(lang, "best")):
        freq = wordfreq.cB_to_freq(-index)
        for word in bucket:
            yield word, freq


SHARP_S_LANGUAGES = frozenset({"de"})   # whose text writes ß (their frequent-word dicts fold it)


def fold_sharp_s(word: str) -> str:
    """``word`` as wordfreq keys it, which case-folds its words: German ``ß``
    becomes ``ss`` (``außerdem`` is listed as ``ausserdem``)."""
    return word.replace("ß", "ss")


class FoldedWords(dict):
    """A dict of wordfreq's words that finds a word written with ``ß`` under
    its case-folded key (:func:`fold_sharp_s`); other look-ups cost what a
    dict's do."""

    __slots__ = ()

    def __contains__(self, word) -> bool:
        return dict.__contains__(self, word) or isinstance(word, str) and "ß" in word \
            and dict.__contains__(self, fold_sharp_s(word))

    def get(self, word, default=None):
        freq = dict.get(self, word)
        if freq is None and isinstance(word, str) and "ß" in word:
            freq = dict.get(self, fold_sharp_s(word))
        return default if freq is None else freq

    def __getitem__(self, word):
        freq = self.get(word)
        if freq is None:
            raise KeyError(word)
        return freq


class WordFrequencies:
    """A language's word frequencies from wordfreq, without a dict of every word.

    Building wordfreq's dict (``get_frequency_dict``) takes each worker 0.2 to
    0.4 s a language and 40 to 80 MB, since it creates every one of 0.3 to 0.7
    million strings. This table holds as strings only the words at zipf
    ``HEAD_ZIPF`` and up (what :func:`top_frequencies` hands out), keeps
    those down to ``HELD_ZIPF`` as undecoded text for the rare rule that walks
    them (:meth:`held`), and every word as a 64-bit key (CRC-32 and Adler-32
    of its UTF-8) in a sorted array, found by bisection and remembered per
    form. The arrays are built once per machine and wordfreq release and kept
    under :func:`cache_dir`; a table loads from there in a few milliseconds.

    ``get``, ``in``, ``[]``, ``len`` and truth behave as on wordfreq's dict,
    frequencies included (a word listed twice keeps its last, rarer bucket,
    as there). Searches that try many strings should ask :meth:`top` instead.
    """

    HEAD_ZIPF = 2.5      # the lowest floor top_frequencies is asked for
    HELD_ZIPF = 1.99     # runtogether's word families go down to zipf 2
    MEMO_SIZE = 200_000  # remembered rare forms (and misses) before starting over
    FORMAT = 1

    def __init__(self, lang: str, head: bytes, rest: bytes, counts: list[int], keys, buckets,
                 n_buckets: int):
        self.lang = lang
        self._freq = [10 ** (-i / 100) for i in range(n_buckets)]   # wordfreq.cB_to_freq(-i)
        self._counts = counts     # held words per bucket, from the most frequent
        self._words = _lines(head)
        self._rest = rest         # the held words below the head, decoded when asked for
        self._keys = keys
        self._buckets = buckets
        self._memo: dict[str, float | None] = {}
        self._tops: dict[float, dict[str, float]] = {}
        self._head = self.top(self.HEAD_ZIPF)

    def _buckets_from_top(self, min_zipf: float):
        """(words, frequency) per bucket at or above ``min_zipf`` (at least
        ``HELD_ZIPF``), from the most frequent."""
        if min_zipf < self.HEAD_ZIPF and self._rest:
            self._words += _lines(self._rest)
            self._rest = b""
        pos = 0
        for index, count in enumerate(self._counts):
            freq = self._freq[index]
            if not freq or math.log10(freq * 1e9) < min_zipf:
                return   # buckets run from the most to the least frequent
            yield self._words[pos:pos + count], freq
            pos += count

    def held(self, min_zipf: float):
        """(word, frequency) for the words at or above ``min_zipf`` (at least
        ``HELD_ZIPF``), from the most to the least frequent."""
        for words, freq in self._buckets_from_top(min_zipf):
            for word in words:
                yield word, freq

    def top(self, min_zipf: float) -> dict[str, float]:
        """Words at or above ``min_zipf`` (at least ``HELD_ZIPF``) -> frequency
        (made once per floor; do not change it)."""
        out = self._tops.get(min_zipf)
        if out is None:
            out = self._tops[min_zipf] = FoldedWords() if self.lang in SHARP_S_LANGUAGES else {}
            for words, freq in self._buckets_from_top(min_zipf):
                out.update(dict.fromkeys(words, freq))
        return out

    def get(self, word: str, default=None):
        freq = dict.get(self._head, word)   # (C speed: the fold is asked on a miss below)
        if freq is None:
            freq = self._memo.get(word, _UNSEEN)
            if freq is _UNSEEN:
                freq = self._look_up(word)
                if freq is None and "ß" in word:
                    freq = self.get(fold_sharp_s(word))   # wordfreq keys case-folded words: außerdem -> ausserdem
                if len(self._memo) >= self.MEMO_SIZE:
                    self._memo.clear()
                self._memo[word] = freq
            if freq is None:
                return default
        return freq

    def __contains__(self, word: str) -> bool:
        return self.get(word) is not None

    def __getitem__(self, word: str) -> float:
        freq = self.get(word)
        if freq is None:
            raise KeyError(word)
        return freq

    def __len__(self) -> int:
        return len(self._keys)

    def _look_up(self, word: str) -> float | None:
        key = _word_key(word.encode("utf-8", "surrogatepass"))
        keys = self._keys
        i = bisect_left(keys, key)
        if i < len(keys) and keys[i] == key:
            return self._freq[self._buckets[i]]
        return None

    @classmethod
    def stamp(cls, lang: str, source: Path | None = None) -> str:
        """What the table for ``lang`` is made from (wordfreq's release, its
        file, this format), as a short hash that names the cached copy."""
        source = source or _wordfreq_source(lang)
        st = source.stat()
        stamp = "|".join(map(str, (cls.FORMAT, lang, _package_version("wordfreq"), source, st.st_size,
                                   st.st_mtime_ns, sys.byteorder, cls.HEAD_ZIPF, cls.HELD_ZIPF)))
        return hashlib.sha1(stamp.encode()).hexdigest()[:16]

    @classmethod
    def load(cls, lang: str) -> WordFrequencies:
        """The table for ``lang``: from the cache when it holds a sound copy
        for the installed wordfreq, else built (and cached when the cache
        directory is writable)."""
        source = _wordfreq_source(lang)
        name = f"wordfreq-{lang}-{cls.stamp(lang, source)}.bin"
        where = cache_dir()
        if where is not None:
            parts = _read_index(where / name)
            if parts is not None:
                return cls(lang, *parts)
        parts, blob = _build_index(source, cls.HEAD_ZIPF, cls.HELD_ZIPF)
        if where is not None:
            write_atomically(where / name, blob)
        return cls(lang, *parts)


_UNSEEN = object()
_INDEX_MAGIC = b"MTNORM-WORDFREQ\n"


def _wordfreq_source(lang: str) -> Path:
    """The file wordfreq's "best" list for ``lang`` comes from (its large list,
    else its small one), found without importing wordfreq (a quarter of a
    second: langcodes, regex) when the usual layout is there."""
    import importlib.util
    spec = importlib.util.find_spec("wordfreq")
    if spec is None:
        raise LookupError("wordfreq is not installed")
    for location in spec.submodule_search_locations or ():
        for size in ("large", "small"):
            path = Path(location) / "data" / f"{size}_{lang}.msgpack.gz"
            if path.is_file():
                return path
    import wordfreq
    return Path(wordfreq.available_languages("best")[lang])


def _word_key(raw: bytes) -> int:
    return zlib.crc32(raw) << 32 | zlib.adler32(raw)


def _lines(text: bytes) -> list[str]:
    return text.decode("utf-8").split("\n") if text else []


def _build_index(source: Path, head_zipf: float, held_zipf: float):
    """The parts of a :class:`WordFrequencies` from wordfreq's packed list,
    and the cache file that holds them."""
    import numpy as np
    import wordfreq
    pack = wordfreq.read_cBpack(str(source))
    words = [w for bucket in pack for w in bucket]
    raw = "\n".join(words).encode("utf-8").split(b"\n")   # wordfreq's words hold no newline
    if len(raw) != len(words):
        raw = [w.encode("utf-8") for w in words]
    keys = np.fromiter(map(zlib.crc32, raw), np.uint64, len(raw)) << np.uint64(32)
    keys |= np.fromiter(map(zlib.adler32, raw), np.uint64, len(raw))
    bucket = np.repeat(np.arange(len(pack), dtype=np.uint16), [len(b) for b in pack])
    order = np.argsort(keys)
    k, b = keys[order], bucket[order]
    starts = np.flatnonzero(np.concatenate(([True], k[1:] != k[:-1])))
    final = bucket
    if len(starts) < len(k):
        # a word listed twice keeps its last (rarer) bucket, as in wordfreq's dict
        k, b = k[starts], np.maximum.reduceat(b, starts)
        final = b[np.searchsorted(k, keys)]

    def band(lo: int, hi: int) -> bytes:
        """The words whose final bucket is in [lo, hi), by bucket."""
        at = np.flatnonzero((final >= lo) & (final < hi) & (bucket == final))
        at = at[np.argsort(final[at], kind="stable")]
        return "\n".join([words[i] for i in at]).encode("utf-8")

    def cut(zipf: float) -> int:
        return next((i for i in range(len(pack)) if (900 - i) / 100 < zipf), len(pack))

    head_cut, held_cut = cut(head_zipf), cut(held_zipf)
    head, rest = band(0, head_cut), band(head_cut, held_cut)
    counts = np.bincount(final[(final < held_cut) & (bucket == final)], minlength=held_cut).tolist()[:held_cut]
    keys_arr, buckets_arr = array("Q", k.tobytes()), array("H", b.tobytes())
    payload = keys_arr.tobytes() + buckets_arr.tobytes() + head + rest
    header = json.dumps({"n": len(keys_arr), "buckets": len(pack), "counts": counts, "head": len(head),
                         "rest": len(rest), "crc": zlib.crc32(payload)}).encode("ascii") + b"\n"
    return (head, rest, counts, keys_arr, buckets_arr, len(pack)), _INDEX_MAGIC + header + payload


def _read_index(path: Path):
    """The parts of a cached index, or None when it is absent or unsound."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    try:
        if not data.startswith(_INDEX_MAGIC):
            return None
        end = data.index(b"\n", len(_INDEX_MAGIC))
        header = json.loads(data[len(_INDEX_MAGIC):end])
        payload = memoryview(data)[end + 1:]
        n, n_head, n_rest = header["n"], header["head"], header["rest"]
        if len(payload) != n * 10 + n_head + n_rest or zlib.crc32(payload) != header["crc"]:
            return None
        keys, buckets = array("Q"), array("H")
        keys.frombytes(payload[:n * 8])
        buckets.frombytes(payload[n * 8:n * 10])
        head = bytes(payload[n * 10:n * 10 + n_head])
        rest = bytes(payload[n * 10 + n_head:])
        return head, rest, header["counts"], keys, buckets, header["buckets"]
    except (ValueError, KeyError, TypeError):
        return None


def write_atomically(path: Path, blob: bytes) -> None:
    """Write ``blob`` to ``path`` through a temporary file in the same
    directory; a cache that cannot be written is simply not kept."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name + ".", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(blob)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        pass


def write_checked(path: Path, magic: bytes, payload: bytes) -> None:
    """Keep ``payload`` at ``path`` after ``magic`` and its CRC-32, written
    atomically (see :func:`read_checked`); not kept when it cannot be."""
    write_atomically(path, magic + b"%08x\n" % zlib.crc32(payload) + payload)


def cached_table(name: Callable[[], str], magic: bytes, build: Callable[[], dict]) -> dict:
    """A table kept in the cache directory under ``name()`` (marshal, after
    ``magic`` and a CRC): read when a sound copy is there, else ``build()``
    and kept there when the directory is writable. ``name()`` may raise
    LookupError, OSError or ImportError (no word lists to name it by): then
    the table is built and not kept."""
    import marshal
    try:
        where = cache_dir()
        path = where / name() if where is not None else None
    except (LookupError, OSError, ImportError):
        path = None
    payload = read_checked(path, magic) if path is not None else None
    if payload is not None:
        try:
            table = marshal.loads(payload)
            if isinstance(table, dict):
                return table
        except (ValueError, EOFError, TypeError):
            pass
    table = build()
    if path is not None:
        write_checked(path, magic, marshal.dumps(table))
    return table


def read_checked(path: Path, magic: bytes) -> memoryview | None:
    """What :func:`write_checked` kept at ``path``, or None when it is
    absent, of another kind or damaged."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    head = len(magic) + 9
    if not data.startswith(magic) or len(data) < head:
        return None
    payload = memoryview(data)[head:]
    try:
        crc = int(data[len(magic):head - 1], 16)
    except ValueError:
        return None
    return payload if crc == zlib.crc32(payload) else None


@lru_cache(maxsize=None)
def _package_version(name: str) -> str:
    """The installed version of ``name`` (asked once per process: each look-up
    scans the installed distributions)."""
    try:
        from importlib.metadata import version
        return version(name)
    except Exception:  # noqa: BLE001 - an unknown version only means a rebuild
        return "?"


_CACHE_FILES = ("wordfreq-*.bin", "wordfreq-*.bin.*.tmp", "claims-*.bin", "claims-*.bin.*.tmp")


def cache_files() -> list[Path]:
    """mtnorm's files in :func:`cache_dir` (nothing else there is touched)."""
    where = cache_dir()
    if where is None or not where.is_dir():
        return []
    return sorted(p for pattern in _CACHE_FILES for p in where.glob(pattern) if p.is_file())


def clear_cache() -> list[Path]:
    """Delete :func:`cache_files`; the next run builds what it needs again."""
    removed = []
    for p in cache_files():
        try:
            p.unlink()
            removed.append(p)
        except FileNotFoundError:
            pass
    return removed


def cache_writable() -> bool:
    where = cache_dir()
    if where is None:
        return False
    probe = where
    while not probe.exists() and probe.parent != probe:
        probe = probe.parent
    return probe.is_dir() and os.access(probe, os.W_OK)


def cache_dir() -> Path | None:
    """Where mtnorm keeps what it derives from installed data (the word
    frequency index, and the table of which languages claim a word):
    ``$MTNORM_CACHE_DIR``, else ``$XDG_CACHE_HOME/mtnorm``,
    else ``~/.cache/mtnorm``. ``MTNORM_CACHE_DIR=`` (empty) keeps nothing."""
    env = os.environ.get("MTNORM_CACHE_DIR")
    if env is not None:
        return Path(env) if env else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "mtnorm"


def zipf(freqs: dict[str, float], word: str) -> float:
    """Zipf frequency (log10 per billion words); 0.0 for an unknown word."""
    f = freqs.get(word)
    return math.log10(f * 1e9) if f else 0.0


@lru_cache(maxsize=None)
def nonbreaking_prefixes(lang: str) -> frozenset[str]:
    """Abbreviations after which a full stop does not end a sentence: Moses'
    lists, and the rule pack's ``abbreviations.txt`` (lower case there; the
    capitalised form counts too)."""
    extra = set()
    for d in pack_dirs(lang):
        p = d / "abbreviations.txt"
        if p.is_file():
            for w in read_list(p):
                extra.update((w, w[:1].upper() + w[1:]))
    return _moses_prefixes(lang) | frozenset(extra)


def _moses_prefixes(lang: str) -> frozenset[str]:
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
