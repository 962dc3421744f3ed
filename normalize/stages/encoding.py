"""Encoding damage: mojibake (via ftfy) and HTML entities left in plain text."""

from __future__ import annotations

import difflib
import html
import re
from functools import lru_cache

from ..model import Applicability, Document
from .base import Context, Stage, finding
from .runtogether import ALPHABETS

_C1_RE = re.compile(r"[\u0080-\u009f]")
ENTITY_RE = re.compile(r"&(?:#[0-9]{2,7}|#[xX][0-9a-fA-F]{2,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# Characters that never occur in well-formed text and that ftfy's detector keys on.
_SUSPECT_RE = re.compile(r"[\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u2122\ufffd]")


def _hint_singles() -> str:
    """The characters any one of which can make ftfy's ``BADNESS_RE`` match."""
    from ftfy.badness import MOJIBAKE_CATEGORIES as m
    return "".join(m[k] for k in ("c1", "bad", "currency", "numeric", "law", "box")) \
        + "Œœ°×ØÙ√≈‚ЂÃÂÎÐ€²µ¹¼½¾"


@lru_cache(maxsize=1)
def mojibake_hint() -> re.Pattern:
    """A regex that matches wherever ftfy's ``BADNESS_RE`` can (a superset,
    built from ftfy's own character categories), but scans five times faster:
    ``is_bad`` runs only on the lines it matches. Each alternative of
    ``BADNESS_RE`` needs one of the rare characters of the first class, or
    one of the pairs (or the Cyrillic/Greek triple) after it; a test checks
    the superset property against ftfy on generated strings."""
    from ftfy.badness import MOJIBAKE_CATEGORIES as m
    single = _hint_singles()
    la, ua, lc = m["lower_accented"], m["upper_accented"], m["lower_common"]
    sp, ep = m["start_punctuation"], m["end_punctuation"]
    frame = "ВГРСΒΓΞΟ"   # windows-1251/1253 mojibake: a mark between two of these
    return re.compile(f"[{single}]|[{la}{lc}{ep}][{ua}]|[{ep}][{la}]|[{ep}][{sp}]|[{ua}][{sp}]"
                      f"|[{la}{ua}][{sp}{ep}]|[{frame}][{sp}{ep}][{frame}]")


@lru_cache(maxsize=1)
def _hint_anchor() -> re.Pattern:
    """The characters one of which every :func:`mojibake_hint` match holds at
    its first or second position: the rare singles, upper-case accented
    letters and the start and end punctuation of the pairs. Rare in text, so a
    scan for them is a charset loop in C."""
    from ftfy.badness import MOJIBAKE_CATEGORIES as m
    return re.compile(f"[{_hint_singles()}{m['upper_accented']}{m['start_punctuation']}{m['end_punctuation']}]")


def has_mojibake_hint(text: str) -> bool:
    """``mojibake_hint().search(text) is not None``, faster: the hint is a
    long alternation the engine tries at every position, so it is tried only
    where a match can start, at or one before an anchor character
    (:func:`_hint_anchor`)."""
    hint = mojibake_hint()
    for a in _hint_anchor().finditer(text):
        p = a.start()
        if hint.match(text, p) or p and hint.match(text, p - 1):
            return True
    return False


def _ftfy_config():
    import ftfy
    # Only undo encoding damage: keep curly quotes, line breaks, width, ligatures,
    # control characters and the text's Unicode normal form exactly as they are.
    return ftfy.TextFixerConfig(
        unescape_html=False, remove_terminal_escapes=False, fix_encoding=True,
        restore_byte_a0=True, replace_lossy_sequences=True, decode_inconsistent_utf8=True,
        fix_c1_controls=True, fix_latin_ligatures=False, fix_character_width=False,
        uncurl_quotes=False, fix_line_breaks=False, fix_surrogates=True,
        remove_control_chars=False, normalization=None, explain=False)


def _foreign_letters(text: str) -> bool:
    """Whether ``text`` holds a letter outside the Latin, Greek and Cyrillic
    scripts, the scripts whose mojibake the supported languages meet."""
    import unicodedata
    for ch in text:
        if ch.isalpha() and not unicodedata.name(ch, "").startswith(("LATIN", "GREEK", "CYRILLIC")):
            return True
    return False


# Code pages ftfy does not undo, whose high half holds the letters of a script
# the supported languages do not write: UTF-8 read as one of them turns `è`
# into Thai `รจ` (cp874), Hebrew `ֳ¨` (cp1255) or Arabic `أ¨` (cp1256).
_LEGACY_CODEPAGES = ("cp874", "cp1255", "cp1256")
_LEGACY_SCRIPTS = re.compile(r"[\u0590-\u06ff\u0e00-\u0e7f]")
_TYPOGRAPHY = frozenset("’‘“”„–—…«»\u00a0€")


@lru_cache(maxsize=None)
def _codepage_runs(cp: str) -> re.Pattern:
    """Runs of two or more characters of the high half of code page ``cp``."""
    high = "".join(bytes([b]).decode(cp, "ignore") for b in range(0x80, 0x100))
    return re.compile("[" + re.escape(high) + "]{2,}")


def legacy_mojibake(text: str, alphabet: str) -> list[tuple[int, int, str, str]]:
    """(start, end, repaired, code page) for each run of ``text`` that is UTF-8
    read as Thai, Hebrew or Arabic Windows code pages: a run of that page's
    high half with a letter of its script in it, whose bytes are valid UTF-8
    and spell only letters of ``alphabet`` (either case) or typographic marks.
    Real Thai, Hebrew or Arabic is almost never valid UTF-8 in those pages
    (its letters are lead bytes UTF-8 forbids, or continuation bytes alone)."""
    if not _LEGACY_SCRIPTS.search(text):
        return []
    letters = set(alphabet) | set(alphabet.upper())
    out = []
    for cp in _LEGACY_CODEPAGES:
        for m in _codepage_runs(cp).finditer(text):
            run = m.group()
            if not _LEGACY_SCRIPTS.search(run):
                continue
            try:
                good = run.encode(cp).decode("utf-8")
            except UnicodeError:
                continue
            if good and all(ch in letters or ch in _TYPOGRAPHY for ch in good) and any(ch in letters for ch in good):
                out.append((m.start(), m.end(), good, cp))
    return out


class EncodingStage(Stage):
    """Find mojibake line by line with ftfy and report each changed run."""

    name = "encoding"
    requires = ("language",)
    rules = ("MTN001", "MTN002")

    def __init__(self) -> None:
        super().__init__()
        self._config = None

    def process(self, doc: Document, ctx: Context):
        text = doc.text
        out = []
        # a line can only qualify below if the whole text has a hint, a
        # replacement character or a C1 control: one scan rules most texts out
        if _SUSPECT_RE.search(text) and (has_mojibake_hint(text) or "\ufffd" in text
                                         or _C1_RE.search(text)):
            import ftfy
            from ftfy.badness import is_bad
            if self._config is None:
                self._config = _ftfy_config()
            pos = 0
            for line in text.splitlines(keepends=True):
                if _SUSPECT_RE.search(line) and ((has_mojibake_hint(line) and is_bad(line)) or "\ufffd" in line
                                                 or _C1_RE.search(line)):
                    self.stats["lines_checked"] += 1
                    fixed = ftfy.fix_text(line, self._config)
                    if fixed != line:
                        out.extend(self._diff(pos, line, fixed))
                pos += len(line)
        alphabet = ALPHABETS.get(doc.language or "")
        if alphabet:
            for start, end, good, cp in legacy_mojibake(text, alphabet):
                if any(f.start < end and start < f.end for f in out):
                    continue
                self.stats["mojibake_codepage"] += 1
                out.append(finding("MTN001", start, end,
                                   f"mojibake `{text[start:end]}` should read `{good}` (UTF-8 read as {cp})",
                                   [good], Applicability.SAFE, codepage=cp))
        if "&" in text:
            for m in ENTITY_RE.finditer(text):
                value = html.unescape(m.group())
                if value != m.group() and not ctx.analysis.is_protected(m.start(), m.end()):
                    self.stats["entities"] += 1
                    out.append(finding("MTN002", m.start(), m.end(),
                                       f"HTML entity `{m.group()}` in plain text", [value],
                                       Applicability.SAFE))
        return out

    def _diff(self, offset: int, line: str, fixed: str):
        sm = difflib.SequenceMatcher(None, line, fixed, autojunk=False)
        ops = [op for op in sm.get_opcodes() if op[0] != "equal"]
        # merge changes separated by at most one unchanged character: one mojibake run
        merged: list[list[int]] = []
        for _, i1, i2, j1, j2 in ops:
            if merged and i1 - merged[-1][1] <= 1 and j1 - merged[-1][3] <= 1:
                merged[-1][1], merged[-1][3] = i2, j2
            else:
                merged.append([i1, i2, j1, j2])
        for i1, i2, j1, j2 in merged:
            bad, good = line[i1:i2], fixed[j1:j2]
            if _foreign_letters(good):
                # `é”“` reads as the UTF-8 of a CJK character, but in text of
                # the supported languages it is a letter beside two quotes
                self.stats["mojibake_foreign_script_kept"] += 1
                continue
            self.stats["mojibake"] += 1
            yield finding("MTN001", offset + i1, offset + i2,
                          f"mojibake `{bad}` should read `{good}`", [good], Applicability.SAFE)
