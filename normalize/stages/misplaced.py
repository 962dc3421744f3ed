"""A space one letter off (MTN402): ``th ehigh``, ``o fthe``, ``identificatio nof``.

Text extracted from PDFs and OCR, and text whose spaces a scraper rebuilt,
sometimes keeps the right number of spaces in the wrong place: the last letter
of a word went to the next one, or the first letter of a word to the one
before. Neither piece is a word; moved back by one letter, both are.

The stage looks only where the text has a piece that is no word (see
:func:`no_word`) next to another word, one plain space apart, and proposes
moving the space by one letter when:

- the piece that gives up the letter is no word of the language (nor, at
  zipf 3, of another supported language), so a real word is never cut
  (``factors uch`` stays: ``factors such`` lost a letter, it is not
  ``factor such``);
- both new words are words: a function word of one or two letters, a word of
  three letters at zipf 4, a longer one at zipf 3, and no name;
- the two new words are far likelier than the two pieces (MARGIN, in zipf,
  summed) and than the pieces written as one word (``occurr ing`` is
  ``occurring`` with a spurious space, not ``occur ring``);
- only one of the two moves does all that;
- the letter that moves is no one-letter function word glued to a word,
  where the three read apart are about as likely (GLUE_READING_MARGIN):
  ``divisãoe levou`` is ``divisão e levou`` as much as ``divisão elevou``,
  and a lost space is the commoner damage (the glue split, MTN401, takes it);
- a letter doubled where it stands next to a word is a typed letter too
  many (``a mmeeting``, not ``am meeting``; but ``wa ssecond``);
- the words around are not fragments themselves, nor do they make one word
  with the pieces (``the re la t ive``, ``in termi t tent``: a word broken by
  many spaces is no misplaced one).

The fix keeps every character and its case and moves the space: an unsafe fix.
"""

from __future__ import annotations

from ..lexicon import casing_lexicon
from ..model import Applicability, Document
from ..resources import word_frequencies
from .base import Context, Stage, finding
from .runtogether import SHORT_WORD_ZIPF, _VOWELS, _known_elsewhere, _zipf, fragment_piece, glue_words

NO_WORD_ZIPF = 2.5      # a piece of three letters or more rarer than this is no word
NEW_WORD_ZIPF = 3.0     # each word the move makes is at least this common...
NEW_SHORT_ZIPF = 4.0    # ...and, with three letters, this common (shorter: a function word)
MARGIN = 3.0            # the new words' zipfs, summed, beat the pieces' by this much
GLUE_READING_MARGIN = 1.0   # a word the move makes with a one-letter function word beats that
# word and the piece it joins, read apart, by this much (zipf): else the giver is that word glued


def no_word(low: str, freqs, fw: frozenset[str]) -> bool:
    """Is the lower-case piece ``low`` no word of the language: one or two
    letters that are no function word nor a very common word with a vowel,
    or three or more letters rarer than NO_WORD_ZIPF?"""
    z = _zipf(freqs.get(low, 0.0))
    if len(low) <= 2:
        return low not in fw and not (z >= SHORT_WORD_ZIPF and any(c in _VOWELS for c in low))
    return z < NO_WORD_ZIPF


def _fragment(t: str, freqs, fw: frozenset[str]) -> bool:
    """A lower-case piece too rare for its length to be a word (the test the
    run-together stage makes of a split's neighbours), or rarer than
    NO_WORD_ZIPF whatever its length; an elided word (n’est, l’actrice) is none."""
    if "'" in t or "’" in t:
        return False
    return fragment_piece(t, freqs, fw) or t.islower() and t not in fw and _zipf(freqs.get(t, 0.0)) < NO_WORD_ZIPF


def move_space(x: str, y: str, lang: str, rule_dirs: tuple[str, ...] = ()) -> int:
    """Where the space between the pieces ``x`` and ``y`` belongs: +1 (the
    first letter of ``y`` ends ``x``: ``th ehigh``, ``identificatio nof``),
    -1 (the last letter of ``x`` starts ``y``: ``thet ime``), or 0 (where
    it is, or no single move is sure)."""
    freqs = word_frequencies(lang)
    if not freqs:
        return 0
    fw = glue_words(lang, rule_dirs)
    names = casing_lexicon(lang, rule_dirs).single
    lx, ly = x.lower(), y.lower()

    def z(t: str) -> float:
        return _zipf(freqs.get(t, 0.0))

    def word(t: str) -> bool:
        if len(t) <= 2:
            return t in fw
        return z(t) >= (NEW_SHORT_ZIPF if len(t) == 3 else NEW_WORD_ZIPF) and t not in names

    moves = []
    # (a letter doubled where it stands, next to a word, is a typo: a mmeeting)
    if len(ly) >= 2 and no_word(ly, freqs, fw) and not (ly[0] == ly[1] and not no_word(lx, freqs, fw)):
        moves.append((1, lx + ly[0], ly[1:], ly))
    if len(lx) >= 2 and no_word(lx, freqs, fw) and y.islower() \
            and not (lx[-1] == lx[-2] and not no_word(ly, freqs, fw)):
        moves.append((-1, lx[:-1], lx[-1] + ly, lx))
    good = []
    for step, a, b, giver in moves:
        if not (word(a) and word(b)):
            continue
        taker = lx if giver == ly else ly
        letter, grown = (ly[0], a) if step == 1 else (lx[-1], b)
        if letter in fw and word(taker) and z(grown) - (z(letter) + z(taker) - 9.0) < GLUE_READING_MARGIN:
            continue   # the letter a word of its own glued to the giver, as likely: divisãoe levou
            # is divisão e levou (elevou is no likelier than e levou); tem omesmo, использоватьв одном
        if len(giver) >= 3 and _known_elsewhere(giver, lang) \
                and not (no_word(taker, freqs, fw) and not _known_elsewhere(taker, lang)):
            continue   # a word of another language in the text, not a broken one (but in
            # cámar ade the other piece is no word anywhere: cámara de)
        pair, whole = z(a) + z(b), z(lx + ly)
        if pair - z(lx) - z(ly) < MARGIN or whole and whole >= pair - 9.0:
            continue   # (as likely one word with a spurious space: occurr ing)
        good.append(step)
    return good[0] if len(good) == 1 else 0


def _lower_start(t: str) -> bool:
    """A lower-case piece, or one whose first letter is lower case before a
    Capitalised word (``nAdvances``: ``in Advances``)."""
    return t[:1].islower() and (len(t) == 1 or t[1:].islower() or t[1:].istitle())


class MisplacedSpaceStage(Stage):
    """Move a space that stands one letter off between two words."""

    name = "misplaced_space"
    requires = ("language",)
    rules = ("MTN402",)

    def process(self, doc: Document, ctx: Context):
        lang = doc.language or "en"
        freqs = word_frequencies(lang)
        if not freqs:
            return []
        a, text = ctx.analysis, doc.text
        fw = glue_words(lang, ctx.rule_dirs)
        pieces = {t for t in a.vocabulary if (_lower_start(t) or t.istitle()) and no_word(t.lower(), freqs, fw)}
        if not pieces:
            return []
        words = a.words
        n = len(words)
        out, seen = [], set()
        for i in a.places(pieces):
            for j in (i - 1, i):
                if j < 0 or j + 1 >= n or j in seen:
                    continue
                seen.add(j)
                found = self._pair(a, text, words, j, n, lang, freqs, fw, ctx.rule_dirs)
                if found is not None:
                    out.append(found)
        return out

    def _pair(self, a, text: str, words, j: int, n: int, lang: str, freqs, fw, rule_dirs):
        """The finding for words ``j`` and ``j + 1``, or None."""
        wx, wy = words[j], words[j + 1]
        x, y = wx.group(), wy.group()
        if text[wx.end():wy.start()] != " " or not _lower_start(y) or "’" in x + y or "'" in x + y \
                or not (x.islower() or x.istitle() and a.sentence_start(wx.start())):
            return None   # (a capital where a sentence starts: Th ehigh, Президен тстраны)
        s, e = wx.start(), wy.end()
        before = text[s - 1] if s else " "
        after = text[e] if e < len(text) else " "
        if before.isalnum() or before in "@#/\\_-.'’=:" or after.isalnum() or after in "@/\\_-'’=":
            return None
        step = move_space(x, y, lang, rule_dirs)
        if not step:
            return None
        left = j > 0 and text[words[j - 1].end():s] == " "
        right = j + 2 < n and text[e:words[j + 2].start()] == " "
        if left and _fragment(words[j - 1].group(), freqs, fw) \
                or right and _fragment(words[j + 2].group(), freqs, fw):
            return None   # a word broken by many spaces (re la t ive), not one space off
        around = ([words[j - 1].group()] if left else []) + [x, y] + ([words[j + 2].group()] if right else [])
        if len(around) > 2 and any(_zipf(freqs.get("".join(around[p:q]).lower(), 0.0)) >= NEW_WORD_ZIPF
                                   for p, q in ((0, len(around)), (0, 3), (len(around) - 3, len(around)))):
            return None   # in termi t tent: one word (intermittent) broken twice
        if a.is_protected(s, e):
            return None
        cut = len(x) + step
        joined = x + y
        fix = joined[:cut] + " " + joined[cut:]
        self.stats["moved"] += 1
        return finding("MTN402", s, e, f"`{x} {y}`: the space stands one letter off: `{fix}`", [fix],
                       Applicability.UNSAFE, parts=[joined[:cut], joined[cut:]])
