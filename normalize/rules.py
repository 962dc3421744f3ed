"""The rule registry: every rule has a stable code, a name, a category and a
What / Why / Example doc (``mtnorm rule CODE`` prints it)."""

from __future__ import annotations

from dataclasses import dataclass

from .model import Category


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    category: Category
    summary: str
    what: str
    why: str
    example: str
    priority: int = 50          # lower wins when two fixes conflict
    default: bool = True        # enabled without --select

    def doc(self) -> str:
        return (f"{self.code} {self.name} ({self.category.value})\n\n{self.summary}\n\n"
                f"What it does\n  {self.what}\n\nWhy\n  {self.why}\n\nExample\n  {self.example}\n")


RULES: dict[str, Rule] = {}


def register(rule: Rule) -> Rule:
    if rule.code in RULES:
        raise ValueError(f"duplicate rule code {rule.code}")
    RULES[rule.code] = rule
    return rule


register(Rule(
    "MTN001", "mojibake", Category.ENCODING,
    "Text decoded with the wrong character set (mojibake).",
    "Finds runs such as `Ã©` or `â€™` that are UTF-8 bytes read as Latin-1/Windows-1252 and "
    "restores the intended characters with ftfy. Quotes are not uncurled and no other "
    "normalisation is applied.",
    "Scrapers that guess an encoding wrongly leave mojibake that no reader can parse and "
    "that breaks every later rule.",
    "`the cafÃ© itâ€™s` -> `the café it’s`",
    priority=1))
register(Rule(
    "MTN002", "html-entity", Category.ENCODING,
    "An HTML character reference left in plain text.",
    "Finds `&amp;`, `&quot;`, `&#8217;` and other complete character references in plain "
    "text and replaces them with the character they stand for.",
    "Scraped text that was unescaped once too few times shows entities to the reader.",
    "`Johnson &amp; Johnson` -> `Johnson & Johnson`",
    priority=2))
register(Rule(
    "MTN101", "missing-space-after-punctuation", Category.SPACING,
    "A sentence ends and the next begins with no space between them.",
    "Finds a full stop, question or exclamation mark (or a comma) glued between two words "
    "(`Sunday.She`, `capitals.The`) and inserts a space. Abbreviations (`U.S.`, `e.g.`), "
    "numbers (`3.5`), domains and file names (`example.com`, `Node.js`) are left alone. "
    "As unsafe fixes it also separates a closing bracket from the next word (`(2003)which`), "
    "a word from a citation's parenthesis (`styles(Bagga, 1998)`), a number from a common "
    "word (`0.336population`; not units, sums or names wordfreq knows: `5km`, `£1.5million`, "
    "`4chan`), a colon or a word from a web address (`at:https://`, `onlinehttps://`), a comma from the number after a "
    "word (`Linguistics,19(1)`), a function word from the number after it (`of0.978`), a "
    "hyphen that stands for a dash before a clause (`IBM-yet the audience`) and a number, decimals too, from a function word that opens "
    "the next sentence (`0.48With`), a decimal from a Capitalised common word (`0.946Table`) and a number's colon from the "
    "Capitalised word after it (`Fig.4:Hierarchies`).",
    "Where an HTML paragraph or link ended, scrapers often drop the space.",
    "`on Sunday.She said` -> `on Sunday. She said`",
    priority=10))
register(Rule(
    "MTN102", "space-before-punctuation", Category.SPACING,
    "A space before a comma, full stop, or other closing punctuation.",
    "Finds a space between a word and `, . ; : ! ?` and removes it. French, which puts a "
    "(thin) no-break space before `; : ! ?`, is left alone for those marks.",
    "Tokenised MT output often keeps the space the tokeniser put before punctuation.",
    "`the ministry , which` -> `the ministry, which`",
    priority=11))
register(Rule(
    "MTN202", "doubled-punctuation", Category.PUNCTUATION,
    "A comma, semicolon or full stop written twice, or a comma right before a full stop.",
    "Finds `,,` `;;` and `..` (two dots, not an ellipsis) after a word, and `,.` at the end of "
    "a clause, and keeps one mark. Ellipses, numbers and ranges (`1..5`), abbreviations "
    "before a comma (`Inc.,`), URLs and code are left alone.",
    "Joining scraped fragments (a link text and the sentence around it, a caption and its "
    "paragraph) repeats the punctuation both sides carried.",
    "`the ministry said.. The` -> `the ministry said. The`",
    priority=12))
register(Rule(
    "MTN201", "quote-direction", Category.QUOTE,
    "A curly quote that faces the wrong way for its position.",
    "Decides from its neighbours whether a curly quote opens or closes, and replaces the "
    "glyph when it faces the wrong way for the language's quote style (English “…”, "
    "German „…“). Quotes in ambiguous positions are left alone.",
    "Quote conversion in MT and CMS pipelines flips closing quotes into opening ones.",
    "`called it “constructive“.` -> `called it “constructive”.`",
    priority=20))
register(Rule(
    "MTN301", "lowercase-proper-noun", Category.CASING,
    "A proper name written in lower case.",
    "Looks each lower-case word and word sequence up in the language's casing lexicon "
    "(a gazetteer of places, countries, organisations and people, plus how often each form "
    "is capitalised in clean news) and restores the canonical casing. When the lower-case "
    "form is itself a common word (`turkey`, `china`, `may`) the fix is unsafe at best, "
    "and only offered when the context supports the name. In a hyphenated word only a head "
    "before a word of `name_compound_tails.txt` changes (`kyiv-based`, not `co-manager`).",
    "Truecasing errors in MT and lower-cased scraped titles lose the capitals of names.",
    "`talks in kyiv with donald trump` -> `talks in Kyiv with Donald Trump`",
    priority=40))
register(Rule(
    "MTN401", "run-together-words", Category.RUN_TOGETHER,
    "Words glued together, usually where an HTML link ended or a PDF lost its spaces.",
    "Splits a token that is not a word of the language into words that are, using word "
    "frequencies (wordfreq): a function word glued to a word (safe when both are common). "
    "As unsafe fixes: an inflected word glued to another (`quicklyreached`), two long common "
    "words in a token wordfreq never saw (`translationapproach`), a preposition glued to a "
    "determiner (`ofthe`, `dansle`), a function word glued to a rare known word "
    "(`thepsycholinguistic`), a sentence opener glued to the next word at a sentence start "
    "(`Thisproblem`), a preposition-prefix glued to a word (`withequal`), a function word "
    "glued to a Capitalised word or an acronym (`theViterbi`, `theUN`), an acronym glued to "
    "a function word (`NATOand`), a heading run into the next paragraph (`ArticlesThe`), "
    "two function words in a token far rarer than they are (`canbe`), and a whole phrase "
    "run together "
    "(`newversionoftheoriginal`). Real words, names, closed compounds, derivations "
    "(`indetermination`), URLs, hashtags, CamelCase brands and fragments of a word broken by "
    "spurious spaces are never split.",
    "Link text concatenated with its surroundings loses the space at the link boundary; text "
    "extracted from PDFs loses spaces at line and column breaks.",
    "`the expansionthat followed` -> `the expansion that followed`",
    priority=30))
register(Rule(
    "MTN501", "capitalised-anchor-word", Category.CAPITALISED_ANCHOR,
    "A capitalised function word in the middle of a sentence.",
    "Finds a function word (`About`, `The`, `For`) capitalised between two lower-case "
    "words mid-sentence, the trace of a link anchor that kept its title case, and "
    "lower-cases it.",
    "CMS link anchors and headline fragments pasted into running text keep their capitals.",
    "`announced About plans to` -> `announced about plans to`",
    priority=45))
register(Rule(
    "MTN601", "false-friend", Category.MISTRANSLATION,
    "A word that is probably a false friend of the source language.",
    "Uses the confusion sets in the rule packs (per source->target language pair, each with "
    "context patterns) to flag words such as `income` for Spanish *ingreso* (entry) or "
    "`actually` for *actualmente* (currently), with candidate replacements. Display-only "
    "unless a strong context pattern matches.",
    "MT systems translate cognates literally; the result is fluent and wrong.",
    "`Ukraine's income into NATO` -> suggest `entry`, `accession`",
    priority=60))
register(Rule(
    "MTN701", "inconsistent-entity", Category.INCONSISTENT_ENTITY,
    "One entity spelled several ways in one document.",
    "Groups spellings of one entity (from the consistency groups in the rule packs, and "
    "forms that differ only in casing) and flags the minority spellings, proposing the "
    "house style's form if configured, else the document's majority form.",
    "Mixed spellings (Kiev / Kyiv) show that a text was stitched from several translations.",
    "`Kiev ... Kyiv ... Kyiv` -> `Kyiv ... Kyiv ... Kyiv`",
    priority=50))
register(Rule(
    "MTN801", "untranslated-fragment", Category.UNTRANSLATED,
    "A sentence or clause left in another language.",
    "Finds runs of at least five lower-case words that are function words or frequent words of "
    "another supported language and not of the document's, and keeps those that a function-word "
    "vote and langdetect both assign to that other language. Display-only: the fix is a "
    "translation.",
    "MT pipelines skip segments they fail on, and CMS templates leave source-language boilerplate.",
    "`El ministro dijo que the government will not change its position.` -> flagged as en",
    priority=70))
register(Rule(
    "MTN103", "space-after-elision", Category.SPACING,
    "A space after an elided article or pronoun (French, Italian).",
    "Removes the space after an elision apostrophe followed by a vowel: `l' Union` -> `l'Union`, "
    "`dell’ Australia` -> `dell’Australia`.",
    "Tokenised MT output splits elisions from the next word.",
    "`l' Union européenne` -> `l'Union européenne`",
    priority=12))
register(Rule(
    "MTN602", "mt-unlikely-word", Category.MISTRANSLATION,
    "A word the translation model finds very unlikely given the source.",
    "With a model (--mt-model) and the source text (--source), scores every target word by "
    "forced decoding and flags words far below the model's expectations, with the model's own "
    "alternatives. Display-only.",
    "A word that no reasonable translation of the source would contain is often a mistranslation.",
    "`the income of Ukraine` (source: `el ingreso de Ucrania`) -> suggest `entry`",
    priority=61))
register(Rule(
    "MTN603", "source-mismatch", Category.MISTRANSLATION,
    "A segment that disagrees with its source: numbers missing, length out of proportion.",
    "Compares each target line with its source line: numbers present in the source but not in "
    "the target, and a word-count ratio outside [1/3, 3]. Display-only.",
    "Dropped numbers and truncated segments are the costliest MT errors in news.",
    "source `subió un 3,5 %` / target `rose by percent` -> number 3.5 missing",
    priority=62))
register(Rule(
    "MTN802", "untranslated-segment", Category.UNTRANSLATED,
    "A target segment identical to its source.",
    "With the source text at hand, flags target lines that repeat their source verbatim. "
    "Display-only.",
    "MT systems pass through segments they cannot translate.",
    "source `Der Vertrag wurde unterzeichnet.` / target the same",
    priority=71))


def rule(code: str) -> Rule:
    return RULES[code]
