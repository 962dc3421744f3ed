"""Small, shared text helpers: words, lines, sentence boundaries.

Everything here works on code-point offsets into one string and is computed
once per pass by :class:`Analysis`, so stages do not re-tokenise the text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from functools import cached_property

# A word: letters, with inner apostrophes or hyphens (don't, l'Union, al-Assad).
# Possessive quantifiers (Python 3.11+) find the same words without the
# backtracking bookkeeping; older Pythons get the plain form.
try:
    WORD_RE = re.compile(r"[^\W\d_]++(?:['’\-][^\W\d_]++)*+")
except re.error:  # pragma: no cover - Python 3.10
    WORD_RE = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
# A whitespace-delimited token.
TOKEN_RE = re.compile(r"\S+")
# Things inside which no prose rule should look.
# Domains and file names are matched in lower case only: "interest.It was" is a
# glued sentence, not a site in Italy.
# The e-mail and file-name branches start only where a run of their characters
# starts (the look-behind): the leftmost match is the same, and the regex no
# longer rescans every word from each of its letters.
URLISH_RE = re.compile(
    r"(?i:https?://|ftp://|www\.)[^\s<>\"'\]]+|(?<![^\s<>\"'(\[\])])[^\s<>\"'(\[]+@[^\s<>\"']+\.\w+"
    r"|(?<![^\s<>\"'(\[\])])[^\s<>\"'(\[]+\.(?:com|org|net|gov|edu|io|co|uk|de|fr|es|ru|it|pt|ua|eu|html?|php|js|py|json|txt|pdf)\b"
    r"(?:[/:?#][^\s<>\"'\])]*)?",
)

# Every URL-ish match contains one of these (a scheme, "www.", an "@", a dot
# and a known suffix), and no match spans whitespace: the full pattern runs
# only over the whitespace-delimited tokens that hold one. Each hint starts
# with a literal character, which the engine finds ten times faster than the
# first character of an alternation.
_URL_HINTS = (
    re.compile(r"\.(?:(?<=[wW][wW][wW]\.)"
               r"|(?:com|org|net|gov|edu|io|co|uk|de|fr|es|ru|it|pt|ua|eu|html?|php|js|py|json|txt|pdf)\b)"),
    re.compile("://"),
    re.compile("@"),
)


def urlish_spans(text: str) -> list[tuple[int, int]]:
    """The spans :data:`URLISH_RE` finds in ``text``, scanning only the tokens
    that can hold one (the same spans as ``URLISH_RE.finditer(text)``)."""
    spans: list[tuple[int, int]] = []
    done = -1
    for s in sorted(h.start() for hint in _URL_HINTS for h in hint.finditer(text)):
        if s < done:
            continue   # this token was scanned already
        e = _NONSPACE_RE.match(text, s).end()
        while s > 0 and not text[s - 1].isspace():
            s -= 1
        spans.extend(m.span() for m in URLISH_RE.finditer(text, s, e))
        done = e
    return spans


_NONSPACE_RE = re.compile(r"\S*")
# hashtags and handles: # or @ not after a word character (the class comes
# first so that the engine scans for it; the look-behind then checks the
# character before it)
_HANDLE_RE = re.compile(r"[#@](?<![\w][#@])[\w\-]+")
_TAG_RE = re.compile(r"</?[A-Za-z][\w:.\-]*(?:\s[^<>\n]{0,300})?/?>")

OPENERS = "\"'“‘«„‚([{¿¡‹"
SENTENCE_END = ".!?…"


LETTER_RE = re.compile(r"[^\W\d_]")   # one letter, as WORD_RE counts them
_JOINERS = "'’-"   # what joins two runs of letters into one word (WORD_RE)


class Words(Sequence):
    """The matches of :data:`WORD_RE` in a text, made as they are asked for.

    Stages settle most texts on their vocabulary and look at where a few of
    its words stand; a match for every word of every text cost a worker a
    tenth of its time. Word ``i`` is found after word ``i - 1`` when that one
    is known, else as the k-th place where its text (``tokens[i]``) stands as
    a whole word after the nearest known word before it, k being how often it
    occurs in between. The matches are those ``WORD_RE.finditer`` gives;
    iterating (or :meth:`all`) makes every one of them."""

    __slots__ = ("_text", "_tokens", "_found", "_order", "_all")

    def __init__(self, text: str, tokens: list[str]):
        self._text = text
        self._tokens = tokens
        self._found: dict[int, re.Match] = {}
        self._order: list[int] = []   # the indices in _found, sorted
        self._all: list[re.Match] | None = None

    def __len__(self) -> int:
        return len(self._tokens)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self._tokens)))]
        if self._all is not None:
            return self._all[i]
        n = len(self._tokens)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError("word index out of range")
        m = self._found.get(i)
        if m is None:
            before = self._found.get(i - 1)
            # the first match after a word is the next word
            m = WORD_RE.search(self._text, before.end()) if before is not None else self._locate(i)
            self._found[i] = m
            bisect.insort(self._order, i)
        return m

    def __iter__(self):
        return iter(self.all())

    def all(self) -> list[re.Match]:
        """Every match, in order."""
        if self._all is None:
            self._all = list(WORD_RE.finditer(self._text))
        return self._all

    def _locate(self, i: int) -> re.Match:
        """Word ``i``, searched from the nearest known word before it (or the start)."""
        text, tokens, token = self._text, self._tokens, self._tokens[i]
        k = bisect.bisect_left(self._order, i)
        j = self._order[k - 1] if k else -1
        pos = self._found[j].end() if k else 0
        skip = tokens[j + 1:i].count(token)   # its occurrences to pass over
        size = len(token)
        while True:
            c = text.find(token, pos)
            if c < 0:   # pragma: no cover - every token is in its text
                raise LookupError(f"word {i} ({token!r}) not found")
            pos = c + 1
            if c and (LETTER_RE.match(text, c - 1)
                      or text[c - 1] in _JOINERS and c > 1 and LETTER_RE.match(text, c - 2)):
                continue   # inside a word: a letter, or a joiner after a letter, comes before
            m = WORD_RE.match(text, c)
            if m.end() != c + size:
                continue   # the start of a longer word
            if skip == 0:
                return m
            skip -= 1


# How far a stage looks along a line for a mark that belongs with a word (an
# opening bracket or quotation mark): no paragraph of prose is longer, and a
# bound keeps a text of one long line linear.
SEARCH_WINDOW = 3000

# The characters of a text language identification reads (LanguageStage).
LANGUAGE_SAMPLE = 1200


def tokens_with_head(text: str, limit: int) -> tuple[list[str], list[str]]:
    """``WORD_RE.findall(text)`` and ``WORD_RE.findall(text[:limit])``, from
    one scan: the words up to ``limit`` are found first (the last of them cut
    at ``limit``), then the word that runs on past it is found whole, then
    the rest of the text."""
    if len(text) <= limit:
        tokens = WORD_RE.findall(text)
        return tokens, tokens
    head = list(WORD_RE.finditer(text, 0, limit))
    if not head:
        return WORD_RE.findall(text), []
    # only the last word can have been cut at the limit: find it whole
    last = WORD_RE.match(text, head[-1].start())
    tokens = [m.group() for m in head]
    cut = tokens[-1]
    tokens[-1] = last.group()
    tokens += WORD_RE.findall(text, last.end())
    head_tokens = tokens[:len(head) - 1]
    head_tokens.append(cut)
    return tokens, head_tokens


class Analysis:
    """Lazily computed facts about one text, shared by every stage of a pass."""

    def __init__(self, text: str, language: str | None, nonbreaking: frozenset[str] = frozenset(),
                 markup: list[tuple[int, int]] | None = None):
        self.text = text
        self.language = language
        self.nonbreaking = nonbreaking
        self.markup = markup or []   # code, tags, link targets: never prose
        self.memo: dict = {}   # results two stages of a pass both need (see calques.calque_matches)

    def release(self) -> None:
        """Drop what this pass computed (words, names, quotations, memos).
        The document's names and quotations point back at the analysis, so
        without this a pass's structures wait for the cyclic collector, and
        on a large document the next pass runs while they are still held."""
        keep = {"text", "language", "nonbreaking", "markup"}
        for key in [k for k in self.__dict__ if k not in keep]:
            del self.__dict__[key]
        self.memo = {}

    @cached_property
    def words(self) -> "Words":
        """The matches of :data:`WORD_RE`, in order: a :class:`Words`, which
        finds a word's match when a stage asks for it."""
        return Words(self.text, self.tokens)

    @cached_property
    def _tokenised(self) -> tuple[list[str], list[str]]:
        return tokens_with_head(self.text, LANGUAGE_SAMPLE)

    @property
    def tokens(self) -> list[str]:
        """The text of each of :attr:`words`, in order."""
        return self._tokenised[0]

    @property
    def head_tokens(self) -> list[str]:
        """The words of the first :data:`LANGUAGE_SAMPLE` characters, the last
        cut there when it runs on (what language identification reads): found
        in the scan that finds :attr:`tokens`."""
        return self._tokenised[1]

    @cached_property
    def vocabulary(self) -> frozenset[str]:
        """The distinct word forms of the text. Stages intersect it with their
        lexicons (at C speed) and visit only the words that can matter."""
        return frozenset(self.tokens)

    def places(self, forms) -> list[int]:
        """The indices of :attr:`tokens` whose form is in ``forms``, in order:
        where a stage's few matching forms stand."""
        return [i for i, t in enumerate(self.tokens) if t in forms]

    @cached_property
    def protected(self) -> list[tuple[int, int]]:
        """Spans (URLs, e-mail addresses, file names, hashtags, handles) no rule edits."""
        spans = urlish_spans(self.text)
        if "#" in self.text or "@" in self.text:   # (a scan for either is ten times slower)
            spans += [m.span() for m in _HANDLE_RE.finditer(self.text)]
        if "<" in self.text:   # markup tags: <a href=...>, </rdf:Description>
            spans += [m.span() for m in _TAG_RE.finditer(self.text)]
        spans += self.markup
        spans.sort()
        return spans

    def is_protected(self, start: int, end: int) -> bool:
        spans = self.protected
        if not spans:
            return False
        i = bisect.bisect_right(spans, (end, end))
        for s, e in spans[max(0, i - 3):i + 1]:
            if s < end and start < e:
                return True
        return False

    @cached_property
    def names(self):
        """The names the text writes (:class:`normalize.names.DocumentNames`),
        built once per pass for every stage that asks."""
        from .names import DocumentNames
        return DocumentNames(self)

    @cached_property
    def quotes(self):
        """The text's quotation marks, paired (:func:`normalize.quotemarks.pair_quotes`;
        marks in protected spans are left out)."""
        from .quotemarks import pair_quotes
        from .resources import word_list
        lang = self.language or "en"
        return pair_quotes(self.text, self.is_protected, word_list(lang, "speech_verbs.txt"), lang)

    @cached_property
    def line_starts(self) -> list[int]:
        starts = [0]
        find = self.text.find
        i = find("\n")
        while i != -1:
            starts.append(i + 1)
            i = find("\n", i + 1)
        return starts

    def line_bounds(self, pos: int) -> tuple[int, int]:
        """The start of the line holding ``pos`` and the offset of its line
        break (or the text's end): ``text.rfind("\\n", 0, pos) + 1`` and
        ``text.find("\\n", pos)``, by bisection. The scans cost the line's
        length on every call, which on a text of one long line makes a stage
        that asks per candidate quadratic."""
        starts = self.line_starts
        k = bisect.bisect_right(starts, pos) - 1
        return starts[k], (starts[k + 1] - 1 if k + 1 < len(starts) else len(self.text))

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in code points) of ``offset``."""
        line = bisect.bisect_right(self.line_starts, offset) - 1
        return line + 1, offset - self.line_starts[line] + 1

    def sentence_start(self, pos: int) -> bool:
        """True when the word at ``pos`` starts a sentence, a line, or follows
        a colon, a dash or an opening quote after such a boundary."""
        text = self.text
        i = pos - 1
        while i >= 0 and (text[i] in OPENERS or text[i] in " \t\u00a0"):
            i -= 1
        if i < 0:
            return True
        ch = text[i]
        if ch in "\n\r:;–—-•*>|#\u2028\u2029\t" or ch in "\"”»":
            return True
        if ch in SENTENCE_END:
            # "Mr. Smith", "U.S. officials": an abbreviation does not end a sentence.
            j = i
            while j > 0 and (text[j - 1].isalpha() or text[j - 1] == "."):
                j -= 1
            prev = text[j:i]
            if prev in self.nonbreaking or len(prev) == 1 or "." in prev:
                return False
            return True
        return False
