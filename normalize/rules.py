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
    covers: tuple[str, ...] = ()  # rules whose display-only findings inside this one's span say the same

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
    "normalisation is applied. UTF-8 read as a Thai, Hebrew or Arabic Windows code page "
    "(cp874, cp1255, cp1256), which ftfy does not undo, is restored where the run's bytes are "
    "valid UTF-8 that spells letters of the document's language (`perchรฉ` -> `perché`).",
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
    "(`Sunday.She`, `capitals.The`, after a hyphenated word, a Capitalised word or a two-letter "
    "acronym too: `drought-stricken.Although`, `Bücher.Dabei`, `US.He`; the next sentence may open "
    "with an elided capital, an acronym or a very common one-letter word: `prochaine.L’ouragan`, "
    "`said.ABC`, `disse.É`; not a site's name, `Gazeta.Ru`), or a comma between a year and a function word "
    "(`2019,which`), a comma after a parenthesis and the word after it (`(as we did),or`, `(37),Серхио`), "
    "a surname's comma and an initial (`Padmanabhan,G.`), "
    "or a list's number that starts its line glued to a known Capitalised word "
    "(`4.Means`), and inserts a space. Abbreviations (`U.S.`, `e.g.`), "
    "numbers (`3.5`), domains and file names (`example.com`, `Node.js`) are left alone. "
    "As unsafe fixes it also separates a closing bracket from the next word (`(2003)which`; "
    "a dateline's agency from the Capitalised word that opens the story: `(Reuters)The`, `(EFE)El`), "
    "a word from a citation's parenthesis (`styles(Bagga, 1998)`), a number from a common "
    "word or a hyphenated compound's first word (`0.336population`, `25points`, `2023state-run`; not units, sums or names wordfreq knows: `5km`, `£1.5million`, "
    "`4chan`, `247sports`, though a count of two digits and its noun, far rarer glued, splits), a year from a function word (`in 2023the`; not `3in`, `10am`), a colon or a word from a web address (`at:https://`, `onlinehttps://`), a comma from the number after a "
    "word (`Linguistics,19(1)`), a function word or a common lower-case word from the number after it (`of0.978`, `section4.1`), a "
    "hyphen that stands for a dash before a clause (`IBM-yet the audience`) and a number, decimals too, from a function word that opens "
    "the next sentence (`0.48With`), a decimal from a Capitalised common word (`0.946Table`) and a number's colon from the "
    "Capitalised word after it (`Fig.4:Hierarchies`), a parenthesis's comma from an enumerator "
    "(`(2001),(2)`) and a footnote's number from the full stop of the sentence it follows "
    "(`semantic role.2`, `stack.4 The`; not an abbreviation's, `chap.2`).",
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
    "frequencies (wordfreq): a function word glued to a word (safe when both are common); in a "
    "hyphenated word, its first or last part judged so (`littleill-treated` -> `little ill-treated`). "
    "As unsafe fixes: an inflected word glued to another (`quicklyreached`), two long common "
    "words in a token wordfreq never saw (`translationapproach`), a preposition glued to a "
    "determiner (`ofthe`, `dansle`), a function word glued to a rare known word "
    "(`thepsycholinguistic`), a sentence opener glued to the next word at a sentence start "
    "(`Thisproblem`), or two content words there, the first inflected (`Ключевыесобытия`), a preposition-prefix glued to a word (`withequal`), a function word "
    "glued to a Capitalised word or an acronym (`theViterbi`, `theUN`, `aONU`), a common word glued to an "
    "acronym (`secondoNBC`; not a prefix's device, `microSD`), an acronym glued to "
    "a function word (`NATOand`; of one letter where names do not decline, `BNUa`, `EEUUy`, not `HIVe`), "
    "one name's two words (`OliverCromwell`, `ElSalvador`), a heading run into the next paragraph (`ArticlesThe`), a function word that opens a sentence glued to a place or name of the lexicon (`EnEscocia`, `InLondon`; not a surname's particle, `LaGuardia`, nor a brand, `InDesign`), "
    "two function words in a token far rarer than they are (`canbe`), a five-letter token no list knows made of a function word and a common word (`useof`, `atext`), a Capitalised common word glued to a function word of `glue_tails.txt` (`Proceedingsof`), a Capitalised word or a name glued to a verb's past form (`Commissionproposed`, `Gobiernoaprobó`: `past_verb_endings.txt`), a name the document writes on its own or one the casing lexicon knows glued to a function word, a verb of saying or a common word its clause goes on with (`Madridque`, `Zaevsaid`, `Trumpfires`, `Barcelonatuvo`, `Milanoieri`; a place another language's lexicon knows, kept in its own spelling, `Scotlandalla` in Italian; not German `Berlinreise`, nor a site's name before a stop, `Dublinticket.`), a month's name glued to a "
    "day or a year (`September30`, `30septiembre`, `mayo2024`), a list's or footnote's number glued to a "
    "Capitalised common word (`2Note`, `1Introduction`; not `4Runner`), a drop capital glued before a "
    "paragraph's first word (`JAhora`; a suggestion when the letter is a word: `OAhora`), and a whole phrase "
    "run together "
    "(`newversionoftheoriginal`), and, in a text that has lost spaces in other places (two glued words or more, "
    "one in two hundred words or more: a PDF's text, a page whose links all lost theirs; or any text under the "
    "`damaged-text` option, which says the text lost spaces), two rarer content words "
    "glued in a token no list knows (`biochemicalpathways`; not words that make compounds or work as affixes, "
    "`homewear`, `snapshooting`; not in German) or a name or rare word Capitalised before a common one "
    "(`Obamaadministration`; not a common word Capitalised, `Towergroup`) or two common Capitalised words "
    "(`QuestionAnswering`; not a token the lists know, `PowerPoint`, nor one the text writes twice), and any token no list knows that cuts one way into two words "
    "the text itself writes side by side elsewhere, not more often glued than spaced "
    "(`commonwords` … `common words`, `HollySnyder` … `Holly Snyder`; not in German). In German, a noun glued to a function word (`Beziehungzu`), an "
    "article glued to the word after it (`derletzten`), a word German writes in lower case glued to a "
    "Capitalised one, since a compound has no capital inside (`einemTreffer`, `dreiBrücken`; not "
    "`weltOnline` nor a brand the word list knows), a Capitalised function word or adjective glued to its noun where a "
    "sentence starts (`DieStaatsanwältin`, `LokaleFischer`) and a preposition glued to a longer determiner (`inseinen`); in Russian, "
    "`не` glued to a verb form (`неимеют`), a one-letter preposition glued after a word "
    "(`участиев`) or an acronym (`ВВПв`: no case ending is a consonant), and a Latin word and a "
    "Cyrillic function word run together (`дляiOS`, `Appleна`; not `iPhoneа`, a case ending). A token one slip from a frequent word is taken for a typo when that is "
    "likelier, the slip weighed on the language's keyboard (`keyboard.txt`). Real words, names, "
    "closed compounds, derivations "
    "(`indetermination`), URLs, hashtags, CamelCase brands and fragments of a word broken by "
    "spurious spaces are never split.",
    "Link text concatenated with its surroundings loses the space at the link boundary; text "
    "extracted from PDFs loses spaces at line and column breaks.",
    "`the expansionthat followed` -> `the expansion that followed`",
    priority=30))
register(Rule(
    "MTN402", "misplaced-space", Category.RUN_TOGETHER,
    "A space one letter off between two words: a letter of one word glued to its neighbour.",
    "Where a piece that is no word of the language stands one space from another word, and "
    "moving the space by one letter makes two words (a function word, or a word at zipf 3; at "
    "zipf 4 with three letters; no name) far likelier than the pieces and than the pieces "
    "written as one word, moves it (`th ehigh` -> `the high`, `identificatio nof` -> "
    "`identification of`). The piece that gives up its letter must be no word of this or another "
    "supported language (`factors uch` lost a letter; it stays), only one of the two moves may "
    "qualify, a doubled letter is a typo (`a mmeeting`), and words broken by many spaces "
    "(`re la t ive`) are left alone, as is a move whose letter is a one-letter function word glued "
    "to a word, where reading it apart is about as likely (`divisãoe levou` is `divisão e levou` "
    "as much as `divisão elevou`: the glue split takes it). "
    "Unsafe: the letters and their case are kept, the space moves.",
    "Text extracted from PDFs and OCR, and pages whose spaces a scraper rebuilt, keep the number "
    "of spaces and lose where they stood.",
    "`much of th einformation` -> `much of the information`",
    priority=29))
register(Rule(
    "MTN501", "capitalised-anchor-word", Category.CAPITALISED_ANCHOR,
    "A capitalised function word in the middle of a sentence.",
    "Finds a function word (`About`, `The`, `For`) capitalised between two lower-case "
    "words mid-sentence, the trace of a link anchor that kept its title case, and "
    "lower-cases it. Not a word that opens sentences after a lower-case word that itself "
    "starts the sentence (`world The president said`): that is a label or a breadcrumb "
    "the scraper ran in, and the capital opens the sentence.",
    "CMS link anchors and headline fragments pasted into running text keep their capitals.",
    "`announced About plans to` -> `announced about plans to`",
    priority=45))
register(Rule(
    "MTN601", "false-friend", Category.MISTRANSLATION,
    "A word that is probably a false friend of the source language.",
    "Uses the confusion sets in the rule packs (per source->target language pair, each with "
    "context patterns) to flag words such as `income` for Spanish *ingreso* (entry) or "
    "`actually` for *actualmente* (currently), with candidate replacements. Display-only "
    "unless a strong context pattern matches: a construction the true sense never fills "
    "(`took part in a manifestation`, `300 effectives`, `the balance of the earthquake`; in "
    "Spanish, French, Italian and Portuguese, calques of English such as `tomó lugar`).",
    "MT systems translate cognates literally; the result is fluent and wrong.",
    "`Ukraine's income into NATO` -> suggest `entry`, `accession`",
    priority=60))
register(Rule(
    "MTN604", "calque", Category.MISTRANSLATION,
    "A construction the language's news never writes, copied from the source language.",
    "Patterns of the language pack's `calques.yaml`, each with the source languages it comes from: "
    "`For your part` for Spanish *por su parte*, `While,` for *Mientras,*, `80,000 million` for "
    "*80.000 millones* (an unsafe fix to `80 billion`), `today, Monday,` for the Arabic and Russian "
    "date formula, `3 trains on 4` for *3 sur 4*, German `Wir werden daran erinnern`, Portuguese "
    "`Isto relata que`, Russian `о угрозах` (`об`), `the also president` (*el también presidente*), "
    "`It is to note that` (*Il est à noter que*), `in front of the crisis` (*frente a la crisis*), "
    "`it makes ten years that`. The pack's format is documented in "
    "`rules/README.md`: a user adds pairs there. Display-only unless the entry makes its fix unsafe.",
    "MT keeps the source's structure where a word-for-word rendering is grammatical but no writer "
    "of the language would write it.",
    "`While, the candidate voted` -> `Meanwhile, the candidate voted`",
    priority=63))
register(Rule(
    "MTN605", "translated-name", Category.MISTRANSLATION,
    "A news outlet's or broadcaster's name translated as words.",
    "The language pack's `translated_names.tsv` lists what MT makes of some names (`South German newspaper` for "
    "*Süddeutsche Zeitung*, Spanish `El guardián` for *The Guardian*), and, where the literal has as many "
    "words as the name, each half-translated mix (`Antenna Bayern` for *Antenne Bayern*; a mix that "
    "translates only a function word, `the Sole 24 Ore`, is English usage); a match next to a credit, a source "
    "tag (`| South German newspaper`), a sentence of its own after an attribution, or an attribution (said, "
    "reported, according to) is flagged with the name as an unsafe fix.",
    "MT translates the words of a proper name; the reader cannot find the source.",
    "`Budget row deepens | South German newspaper` -> `| Süddeutsche Zeitung`",
    priority=64))
register(Rule(
    "MTN606", "article-sound", Category.MISTRANSLATION,
    "English `a` before a vowel sound or `an` before a consonant sound.",
    "`a event` -> `an event`, `an policy` -> `a policy`; words spelt with a vowel that sound with a "
    "consonant (`a university`, `a one-off`, `a European`) and silent h (`an hour`, `an honest`) are "
    "left alone. Unsafe.",
    "MT into English picks the article before it picks the noun.",
    "`spoke at a event in Lyon` -> `at an event`",
    priority=65))
register(Rule(
    "MTN607", "repeated-phrase", Category.MISTRANSLATION,
    "A phrase of two to four words written twice in a row, or MT caught in a loop.",
    "`la guardia costiera la guardia costiera` -> `la guardia costiera`: MT that stutters repeats a "
    "phrase; a phrase of function words only is left alone. A phrase of up to twelve words written four "
    "times or more in a row (a single word six times) with the same marks between every two, "
    "`the bank's products, the bank's products, …`, is MT that lost its place and looped: the first "
    "time is kept. Quoted chants and speech, and emphasis (`very, very, very`), are left alone. Unsafe.",
    "Neural MT repeats itself when it loses its place in the source.",
    "`the armed forces the armed forces` -> `the armed forces`",
    priority=66))

register(Rule(
    "MTN608", "garbled-place-name", Category.MISTRANSLATION,
    "A town's name misspelled by the translation, in a list of places.",
    "In a list of three capitalised items or more, two or more of which are towns of one country "
    "(GeoNames towns of 15,000 people or more, `rules/common/towns.tsv`; a region in brackets after an "
    "item is passed over), an item that is no known place, one insertion, deletion, substitution or "
    "swap of neighbours "
    "away from one town of that country within 60 km of the most towns of the list (or from one four times "
    "larger than any other as near), and whose words that differ from the town's are hardly words of the "
    "language (zipf under 2), is that town garbled. Unsafe.",
    "MT spells the small towns it does not know by ear, and a list of municipalities in a weather "
    "or emergency report is full of them.",
    "`alerts in Faro, Olhao, Tavirra and Lagos` -> `… Tavira …`",
    priority=76))
register(Rule(
    "MTN609", "romanised-name", Category.MISTRANSLATION,
    "A person written in pinyin where the press uses another romanisation.",
    "MT from Chinese spells every name in Hanyu Pinyin, but the people of Taiwan, Hong Kong, Macau and "
    "Singapore are known abroad by other romanisations (Wade-Giles, Cantonese, Hokkien) or by an "
    "English name. `rules/common/romanised_names.tsv` lists such people with the pinyin of their "
    "names; a pinyin name (the given name joined, hyphenated or spaced) is flagged with the name "
    "the press writes as an unsafe fix. Not in Russian, which writes Chinese names in Cyrillic.",
    "A reader, an index or a search never finds `Lai Qingde`: Taiwan's president is `Lai Ching-te`.",
    "`President Lai Qingde said` -> `President Lai Ching-te said`",
    priority=76))
register(Rule(
    "MTN610", "number-agreement", Category.MISTRANSLATION,
    "An English noun left in the singular after a number, or a mass noun with a plural verb.",
    "After a figure of 2 or more or a counting word (`count_words.txt`: two, twelve, several), a frequent "
    "noun whose plural English writes about as often, where the noun phrase ends (a modal or auxiliary "
    "verb, a preposition or a clause's punctuation follows), is flagged with its plural as an unsafe fix. "
    "The number must follow a function word: after a determiner a number names a thing (`the 206 "
    "model`, `a 911 call`), after a capitalised word it is part of a name (`Article 5 protection`). "
    "Years, decimals, ratios and the nouns English counts in the singular "
    "(`singular_after_numbers.txt`: percent, euro, stone, million, times) are left alone. A noun English "
    "does not count (`mass_nouns.txt`: progress, information, evidence) whose phrase opens a clause "
    "(after a sentence's start, an opening quote, `because`, `that` with a determiner or modifier "
    "between) and is followed by `have` or `are` gets `has` or `is`; a list of subjects (`education "
    "and research are`) or a phrase inside another (`the benefits of this knowledge are`) is left alone.",
    "MT from languages without plural agreement after numbers (Turkish, Chinese) or that inflect "
    "the noun in another case (Russian) leaves the noun singular.",
    "`found that 21 illness can be predicted` -> `21 illnesses can be predicted`; `significant progress have "
    "been achieved` -> `has been achieved`",
    priority=76))
register(Rule(
    "MTN611", "pronoun-gender", Category.MISTRANSLATION,
    "English `he` for a woman just named as the subject of the same sentence.",
    "A full name whose given name is a woman's in every supported language "
    "(`rules/common/female_given_names.txt`) opens a sentence or a clause after a comma and a verb "
    "follows it; later in the same sentence `he` is the subject of a verb, with no quotation mark, no "
    "other person's given name and no noun for a man or a post (`person_titles.txt`: the president, "
    "her husband) between. Flagged with `she` as a suggestion: the pronoun may still mean someone "
    "the text named earlier.",
    "Italian, Spanish and Portuguese drop the subject; MT into English supplies one, and picks `he`.",
    "`Giorgia Meloni takes a stand and, through a video, he announces new measures` -> `she announces`",
    priority=77))
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
    "MTN702", "name-variant", Category.INCONSISTENT_ENTITY,
    "One name spelled two ways in one document, without a consistency group for it.",
    "Pairs the document's capitalised words (five letters or more) that differ by one edit "
    "(`Schsuter` … `Schuster`, `Kharkov` … `Kharkiv`, `Tiflis` … `Tbilisi`) or share a transliteration "
    "skeleton (`Syrskyi` … `Syrsky`, `Zaporíjia` … `Zaporizhzhia`, `Peskov` … `Peskow`); a given "
    "name cut at its hyphen (`Jean Dupont` … `Jean-Pierre Dupont`); a given name translated in one "
    "place (`Horace Schillaci` … `Orazio`, `Peter Sánchez` … `Pedro Sánchez`: forms of one row of "
    "`rules/common/given_name_equivalents.tsv`, all written with one surname or alone); quoted names with the same "
    "words in another order. Two names the language knows apart (`Iran`, `Iraq`) and a name with "
    "an ending the language writes (`Zelenskyys`, Russian cases) are left alone. The spelling kept "
    "is the one the language's word list knows better, else the one a Slavic case ending does not "
    "lengthen in a language that does not decline (`Markiva` … `Markiv`), else the document's "
    "majority; a tie is not guessed. Unsafe.",
    "MT segments and stitched sources spell one name several ways; a reader and a search index "
    "see several people.",
    "`Peter Schuster … Schsuter stressed` -> `Schuster stressed`",
    priority=51))

register(Rule(
    "MTN801", "untranslated-fragment", Category.UNTRANSLATED,
    "A sentence or clause left in another language.",
    "Finds runs of at least five lower-case words that are function words or frequent words of "
    "another supported language and not of the document's (a word both languages write, `will` or "
    "`position` in German and English, `que` or `la` in Spanish and French, continues a run a foreign "
    "word began, three in a row at most, when a foreign word follows; a clause of three to five words "
    "counts too when all its words but one are the other language's, two of them its function words, "
    "in a text five times longer, and no Capitalised word follows it: `with the war` in French text "
    "(a longer clause of four foreign words or more may hold one word both languages write for every "
    "two foreign ones: `the number of migrants rose sharply`); "
    "or when it has four words or more, every one the other language's, one a function word, and it "
    "ends no name, expands no acronym and shares its line with the document's language: `prices have "
    "risen sharply` in Spanish text); "
    "a sentence's first word, Capitalised, counts as the other language's when it is one of its function "
    "words and the line holds the document's language too (`The opposition called for new elections.` "
    "in an Italian paragraph; not a short line all in another language, a motto: `Il faut bien le faire.`), "
    "and keeps those "
    "that a function-word vote and langdetect (or the `segment-detector` chosen) both assign to that "
    "other language (where the function words do not decide, `la`, `al`, `del` being Spanish and Italian "
    "alike, a line of its own, or a fragment of five foreign words or more that does not look like a "
    "title, is named by the language whose frequent words cover it: an Italian caption in a French "
    "article, a French sentence in a Spanish paragraph); a line of its own, six words or more in the "
    "document's script, whose function words and the segment detector (probability 0.9) name another "
    "language, with no lower-case word of the document's language on it, is one finding, whole, even "
    "where the document's language writes most of its words (`Read more: The Kremlin warns Paris "
    "over new sanctions` in a French page), unless it is a title (all its other words Capitalised), "
    "a quotation or mostly one; a fragment that is all of a short quotation (ten words at most: a title, a motto; "
    "in double marks or single ones, `'To be or not to be'`), a phrase the language borrowed "
    "(`loan_phrases.txt`: `crème de la crème`), or "
    "most of a text whose language was detected (a misjudged one-line text), stays quiet. The "
    "word-level findings of MTN804 inside a fragment are left out: the fragment says it all. "
    "Display-only: the fix is a translation.",
    "MT pipelines skip segments they fail on, and CMS templates leave source-language boilerplate.",
    "`El ministro dijo que the government will not change its position.` -> flagged as en",
    priority=70, covers=("MTN804",)))
register(Rule(
    "MTN103", "space-after-elision", Category.SPACING,
    "A space after an elided article or pronoun (French, Italian).",
    "Removes the space after an elision apostrophe followed by a vowel: `l' Union` -> `l'Union`, "
    "`dell’ Australia` -> `dell’Australia`; and puts back an apostrophe that a space split from "
    "its word: `all '80` -> `all'80` (an elided word of `elided.txt`), `po 'più` -> `po' più` (a "
    "truncated word of `truncated.txt`), unless a closing mark later makes it a quotation.",
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

register(Rule(
    "MTN803", "foreign-script", Category.UNTRANSLATED,
    "A passage in another script: a line of Cyrillic in an English article.",
    "Finds runs of three words or more (a stretch of Chinese or Japanese characters) in a script "
    "other than the document language's, and names their language with langdetect. In a Russian "
    "text, a Latin run needs five words and a language other than Russian: names, brands and "
    "addresses in Latin letters are part of Russian news. A run that is most of the text's letters "
    "is left alone where the document's language was detected (it was misjudged), not where the "
    "caller named it. The fragment (MTN801) and word (MTN804) findings inside a run are left out: "
    "the run says it all. Display-only.",
    "Aggregators keep the source headline or a caption in the original script beside the translation.",
    "`Zakharova: The talks go on…` + `Захарова: Переговоры продолжаются…` -> the Russian line flagged (ru)",
    priority=72, covers=("MTN801", "MTN804")))
register(Rule(
    "MTN804", "foreign-word", Category.UNTRANSLATED,
    "A word or a short phrase left in another supported language.",
    "A word the document's language barely knows (zipf under 3 in its word list) that another "
    "supported language writes far more often (zipf 3.5 there and 2 more): `manifestación` in "
    "English, `sino` in German (alone, a lower-case word only where the language does not know it, "
    "or knows it under zipf 2 and the other writes it 3 more: `milliards`, `habitants` in English); a lower-case word the language does not know at all that Turkish, "
    "Ukrainian, Polish, Dutch, Romanian, Swedish or Indonesian writes at zipf 3.5 (`açıklama` in "
    "Portuguese; not after a capitalised word, where it belongs to a name: `Kounicova ulice`; "
    "not a form of a word the language knows: `argumentera`); in Russian, a lower-case word with a letter "
    "Russian never writes (Ukrainian `і`, `ї`, `є`, `ґ`: `обміну`), or a Ukrainian word Russian does not know "
    "at all (`наступного`); a sentence opened by an English word in French, a navigation or section word alone on its line "
    "(`Publicidad`, `Anzeige` in an English page), a phrase of another language's `boilerplate.txt` "
    "(a template's teaser label or sharing prompt: `Leia também`, `Read more`, `Читайте также`) that is all "
    "its line or labels it before a colon (at a line's start, or after a sentence's end inside it), or runs to the line's end after its last sentence (`… had failed. Leer más`), an English word "
    "capitalised alone between lower-case words of a Spanish, French, Italian or Portuguese sentence "
    "that clean English news always writes in lower case (`uma coragem Remarkable,`), a date with an "
    "English month (`il March 14`, not a month the language writes alike, nor on a line in English); "
    "a run of two lower-case words or more, one of them a function word of another supported language, "
    "that the word model (the word lists' frequencies side by side) reads 4 (log10) likelier in that "
    "language, each word likelier there too (`in the spring` in Spanish, whose list knows `in`, `the` "
    "and `spring` from quoted English: not before a capitalised word, nor after one of that language, "
    "nor in brackets, an address, a quotation, a loan or a line in that language); "
    "neighbouring ones make one phrase "
    "(`manifestación pacífica`, bridging a short function word of that language: "
    "`sindicato dos professores`). Names stay quiet: words of the casing lexicon, words the text "
    "capitalises elsewhere, capitalised runs that are not all foreign (`Chinese Football Association`); "
    "so do phrases the language borrowed (`loan_phrases.txt`: `joie de vivre`, `chargé d'affaires`, "
    "`sotto voce` in English) and titles or foreign quotations in quotation marks, double or single "
    "(`` `Los fantasmas de Goya' ``: its words read likelier in another language by the word model). The "
    "language found is reported. Display-only, since the fix is a translation; but a date with an "
    "English month gets the language's own form (`dates.tsv`: `il March 14` -> `il 14 marzo`, "
    "`am 3. März`, `14 марта`) as an unsafe fix.",
    "MT leaves words it does not know in the source language; scrapers keep a caption's or a "
    "bracket's original words.",
    "`the strike (greve geral dos professores) began` in an English article -> flagged (pt)",
    priority=73))
register(Rule(
    "MTN805", "foreign-transliteration", Category.UNTRANSLATED,
    "A name in another language's transliteration.",
    "A capitalised word the document's language does not know that the language's own rules for "
    "transliterating Cyrillic respell (from the English romanisation: zh, kh, ch, sh, -yy, -ov, "
    "initial Z) into a word its list knows: `Zelenskyy` in German, which writes `Selenskyj` (a "
    "German genitive -s kept). German for now. Unsafe fix to the language's spelling.",
    "Translations through English keep the English transliteration of Russian and Ukrainian names.",
    "`Präsident Zelenskyy sagte am Montag` -> `Präsident Selenskyj sagte am Montag`",
    priority=74))
register(Rule(
    "MTN806", "foreign-place-name", Category.UNTRANSLATED,
    "A place written in another language's spelling.",
    "Looks each capitalised word up in the language pack's `exonyms.tsv` (foreign spelling, the "
    "language's spelling: `München` -> `Munich` in English, `Moscú` -> `Moskau` in German) and "
    "offers the language's spelling (unsafe). A spelling the list leaves out because the "
    "language's word list knows it (`London` in Spanish, `Moscow` in German: a writer, a club) "
    "is flagged only in a text translated from the language that writes it so (the source "
    "language, given or guessed) that also writes the language's own spelling of the place "
    "(`London` … `Londres`), and not inside a longer name (`London St Pancras`).",
    "MT leaves the source language's name of a city untranslated.",
    "`a festival in Freising near München` -> `… near Munich`",
    priority=75))
register(Rule(
    "MTN807", "source-acronym", Category.UNTRANSLATED,
    "An acronym of the source language left in Latin letters.",
    "Looks each whole token up in the language pack's `source_acronyms.tsv` (the acronym as MT "
    "transliterates it, its source language, the language's own form: `SVO` for Russian СВО -> "
    "`special military operation`, `OON` for ООН -> `UN`), case-sensitive, a plural -s kept on "
    "an acronym; not in a line of capitals, nor near the row's `unless` words (`SVO` near `airport`: "
    "Sheremetyevo). Unsafe fix to the language's form where the pack "
    "gives one (capitalised at a sentence's start); a suggestion where that form is a phrase in a "
    "language whose article must agree with it (`los VSU`), and display-only where it gives none. Only acronyms no clean "
    "news in `../shared/data` writes are listed.",
    "MT from Russian and Ukrainian transliterates acronyms it does not know (СВО, ВСУ, БПЛА, МЧС) "
    "instead of translating them; a reader outside Russia cannot resolve them.",
    "`the SVO began in 2022` -> `the special military operation began in 2022`",
    priority=77))


# -- spaces inside numbers, brackets and each language's spacing (normalize/stages/typography.py)
register(Rule(
    "MTN104", "space-inside-number", Category.SPACING,
    "A space inside a score, a time, a signed figure or an amount.",
    "Removes the space after the colon of a score or time (`5: 0`, `12: 30`), between a sign and "
    "its percentage in a figure (`(+ 3.26%)`), before a degree sign that is not a temperature's "
    "(`80 °`), and in English between a currency sign and its amount (`$ 1.14`) and before `%` "
    "(`5 %`; French, German and Spanish space it and are left alone).",
    "Tokenisers split numbers at their punctuation and MT output keeps the pieces apart.",
    "`Brazil beat China 5: 0` -> `Brazil beat China 5:0`",
    priority=14))
register(Rule(
    "MTN106", "spaced-slash", Category.SPACING,
    "A slash between two acronyms written with spaces round it.",
    "`EU / NATO` -> `EU/NATO`, only between two all-capital acronyms (unsafe: some house styles "
    "space a slash between words).",
    "Tokenised MT output splits a slash from its neighbours.",
    "`the EU / NATO summit` -> `the EU/NATO summit`",
    priority=15))
register(Rule(
    "MTN108", "locale-spacing", Category.SPACING,
    "A French mark without the space French writes before it, in a text that writes it elsewhere.",
    "Counts how the document spaces its high punctuation (`: ; ! ?`) and its guillemets. When it "
    "spaces most of them (two or more), the unspaced ones get the space it uses (a no-break space "
    "when that is what it writes); a guillemet without its inner space is fixed as soon as the "
    "document spaces any. A text consistent in not spacing them is never touched.",
    "Pages stitched from several sources or MT segments mix the two styles.",
    "`reste fragile: elle` (in a text writing `Paris :` and `Pourquoi ?`) -> `reste fragile : elle`",
    priority=16))


# -- punctuation damage (normalize/stages/punctdamage.py) ----------------------
register(Rule(
    "MTN203", "stray-full-stop", Category.PUNCTUATION,
    "A full stop inside a sentence.",
    "Finds a full stop between a word and a lower-case word that does not open sentences in the "
    "language (its `sentence_openers.txt` and `determiners.txt`): `two others. evacuated`. "
    "Abbreviations (Moses' non-breaking prefixes, all-capital words), numbered items and ordinals "
    "(`5. juni`) are left alone. Unsafe: the fix removes the full stop. (A lower-case word that "
    "does open sentences, `Sunday. the ministry`, is a lost capital: MTN302.)",
    "Scrapers join a caption or a link's text into the sentence with its full stop; MT splits a "
    "sentence at a number.",
    "`three soldiers were wounded and two others. evacuated` -> `two others evacuated`",
    priority=24))
register(Rule(
    "MTN204", "missing-full-stop", Category.PUNCTUATION,
    "A sentence that ends without its full stop (English).",
    "A capitalised determiner or pronoun (`The`, `He`, `They`) right after an acronym and before a "
    "lower-case word, in a line that is not a title: the full stop after the acronym went missing "
    "(unsafe). (After a lower-case word the capital is a link anchor's: MTN501.)",
    "A full stop that was part of a link or an abbreviation's markup is lost in scraping.",
    "`called by Unite and GMB The two unions` -> `… GMB. The two unions`",
    priority=25))
register(Rule(
    "MTN205", "dash-after-quote", Category.PUNCTUATION,
    "A dash between a quotation's closing comma and its attribution.",
    "Removes the dash in `”, – said Lavrov`: in every supported language but Russian, whose "
    "typography writes `», — сказал`, the comma alone introduces the attribution.",
    "MT from Russian and Ukrainian keeps the dash of the source's punctuation.",
    "`in the coming weeks”, – said Lavrov.` -> `in the coming weeks”, said Lavrov.`",
    priority=26))
register(Rule(
    "MTN206", "fake-apostrophe", Category.PUNCTUATION,
    "A backtick, acute accent or prime used as an apostrophe.",
    "Replaces `` ` ``, `´` or `′` between two letters with the apostrophe the document uses most "
    "(’ or ').",
    "Keyboard layouts and OCR put look-alike characters where an apostrophe belongs; search and "
    "spell checking then miss the word.",
    "`Europe`s plans` -> `Europe’s plans`",
    priority=27))
register(Rule(
    "MTN207", "split-prefix", Category.PUNCTUATION,
    "A prefix written apart from the capitalised word it attaches to (English).",
    "`pro Russian` -> `pro-Russian`, `anti European`, `post Soviet`, `mid July` (unsafe).",
    "MT and tokenisers split hyphenated words at the hyphen and lose it.",
    "`a pro Russian separatist` -> `a pro-Russian separatist`",
    priority=28))
register(Rule(
    "MTN209", "foreign-thousands-separator", Category.PUNCTUATION,
    "A full stop as thousands separator in English.",
    "A number with a full stop before exactly three digits, followed by a lower-case word that is "
    "not a unit (`412.870 votes`): the source language's thousands separator, which English "
    "writes as a comma (unsafe: `1.500 posts` could be a decimal in a table).",
    "MT copies numbers digit for digit; Spanish, German, Italian, Portuguese and Russian separate "
    "thousands with a full stop or a space.",
    "`The commission counted 412.870 votes` -> `counted 412,870 votes`",
    priority=29))
register(Rule(
    "MTN210", "hyphen-for-dash", Category.PUNCTUATION,
    "A hyphen glued to a word and followed by a space, standing for a dash.",
    "`he added- It was` -> `he added – It was` (the dash the document uses; unsafe). Suspended "
    "hyphens before a conjunction (`pre- and post-war`, `Nord- und Südamerika`) and words broken "
    "across a line (`infor- mation`) are left alone.",
    "Scrapers and MT turn dashes into hyphens and drop one of their spaces.",
    "`said the minister- it will` -> `said the minister – it will`",
    priority=31))

register(Rule(
    "MTN107", "broken-line", Category.SPACING,
    "A line break inside a sentence, left by scraping.",
    "Joins two lines with a space when the first does not end a sentence and the second starts "
    "with a lower-case word (or a comma); joins a short fragment cut onto a line of its own (a "
    "link's text) back into its sentence when the next line starts in lower case or the same "
    "fragment stands alone elsewhere in the text; joins a date split after its day (`am 10.` / "
    "`April`). Lists, headings (lines before a capitalised line) and lines that end a sentence "
    "are left alone; unsafe. A repeated fragment that cannot be joined is flagged.",
    "Scrapers turn a page's inline markup (links, spans) into line breaks.",
    "`…the talks with the\nministers ended` -> `…the talks with the ministers ended`",
    priority=17))


# -- capitals from the document's own evidence (normalize/stages/namecase.py) --
register(Rule(
    "MTN302", "lowercase-sentence-start", Category.CASING,
    "A sentence, paragraph or document that starts in lower case.",
    "Capitalises the first word of a text, of a paragraph after one that ends a sentence, and of "
    "a sentence after a full stop when the word is one that opens sentences in the language "
    "(`sentence_openers.txt`, `determiners.txt`: `Sunday. the ministry said`). List items, "
    "handles, paths, lines that continue the line before and lower-cased names (MTN301's) are left "
    "alone. Unsafe.",
    "Scrapers cut a page's first letters (drop caps, link text) and MT lower-cases a sentence "
    "that followed an abbreviation or a number.",
    "`It ended on Sunday. the ministry said` -> `… Sunday. The ministry said`",
    priority=41))
register(Rule(
    "MTN303", "document-name-lowercase", Category.CASING,
    "A name the document writes with its capital elsewhere, in lower case here.",
    "Reads the names the document writes (its capitalised words mid-sentence and its names of "
    "several words) and capitalises a lower-case use of one: right after the same first name "
    "(`Marco Bianchi` … `Marco bianchi`), after a given name when the text capitalises the word "
    "elsewhere (`given_names.txt`), or where names stand (after or before a speech verb: `dice "
    "bianchi`, `trump said` in a text that writes `Trump` on its own more often than `trump`). A word "
    "the language hardly writes (zipf under 2) right after a given name, or after an equally rare "
    "capitalised word that a lower-case description introduces, is a name's second word too "
    "(`la giornalista francese Odile vernat, che`). After a noun that stands before a person's name "
    "(`person_titles.txt`: leader, commander, presidente), two or three lower-case words that are "
    "given names or words the language hardly writes (zipf under 3.6), one of them unknown to it, "
    "are a whole name in lower case (`the opposition leader alberto núñez feijóo`; not in German or "
    "Russian). Words that clean news writes in lower case are never taken for names. Unsafe.",
    "MT lower-cases names that are also words (`trump`, Italian `bianchi`) and names it does not "
    "know; the same text usually writes them right somewhere.",
    "`Donald Trump met the press; later trump said` -> `… later Trump said`",
    priority=42))
register(Rule(
    "MTN304", "name-part-case", Category.CASING,
    "A name of several words with one word in the wrong case.",
    "A name of the gazetteer (places, countries, organisations, people) written with some of its "
    "words capitalised as the name has them and another in lower case: `new Delhi`, `Mexico "
    "city`, `European commission`, `marine le Pen`. Names learnt from the corpus alone are not "
    "used (their capitals may be a title's). Unsafe.",
    "MT and truecasers restore the capital of the word they know and miss the other.",
    "`the crowds in new Delhi` -> `the crowds in New Delhi`",
    priority=43))
register(Rule(
    "MTN305", "capital-mid-sentence", Category.CASING,
    "A word the language writes in lower case, capitalised in the middle of a sentence.",
    "A function word capitalised after a comma, a semicolon, a closing quotation mark or a name, "
    "before a lower-case word (`While, The candidate`, `; Un sospetto`, `Déjà Il a`); a word that "
    "clean news in the language writes in lower case mid-sentence (`lower_words.tsv`, counted by "
    "`corpora/measure_casing.py`) or an adjective of nationality in Spanish, Italian or Portuguese "
    "(`demonyms.txt`), capitalised after a word or a comma (`interesse Particolare`, `mortaio Ucraino`, "
    "`Weber Visited the`; after a lower-case noun only where adjectives follow the noun, es, fr, it, "
    "pt: English `the brand Truly` is a name); a common word capitalised once after a name where the text writes "
    "it in lower case elsewhere (`Kremlin Spokesman` … `Kremlin spokesman`); a function word "
    "capitalised right before a given name and a surname (`talks With Boris Johnson`, `du \"Front "
    "populaire\" De Jean-Claude Dupont`: a particle follows a given name, never precedes one). Not in German, whose "
    "nouns are capitalised; not in title-case lines or quoted titles. Unsafe.",
    "Link anchors, headline fragments and MT from languages that capitalise differently leave "
    "capitals inside sentences.",
    "`un interesse Particolare per la zona` -> `… un interesse particolare`",
    priority=44))
register(Rule(
    "MTN306", "elided-capital", Category.CASING,
    "An elided article or preposition capitalised in the middle of a sentence (French, Italian).",
    "`della Banca Centrale Dell'Islanda` -> `dell'Islanda`, `firmata Dall'ambasciatore` -> "
    "`dall'ufficiale`, `de L'Union` -> `de l'Union`: the word after the apostrophe keeps its "
    "capital. A surname after a given name (`Massimo D'Alema`) and a capitalised word after the "
    "apostrophe that is no known place or name are left alone. Unsafe.",
    "Truecasers capitalise the whole token of a name that starts with an elided article.",
    "`il governatore della Banca Centrale Dell'Islanda` -> `… Centrale dell'Islanda`",
    priority=46))
register(Rule(
    "MTN307", "title-case-line", Category.CASING,
    "A line in English title case, in a language that writes headlines in sentence case.",
    "A line of four or more words, most of them capitalised, with two or more function words "
    "capitalised: the function words and the words the language writes in lower case get their "
    "lower case back (German keeps its nouns). Unsafe.",
    "Headlines machine-translated from English keep English title case.",
    "`Regierung Plant Neue Steuer Für Konzerne` -> `Regierung plant neue Steuer für Konzerne`",
    priority=47))
register(Rule(
    "MTN308", "job-title-case", Category.CASING,
    "A job title capitalised mid-sentence where the house style writes it in lower case.",
    "A title of the language's `job_titles.txt` (Spanish, French, Italian, Portuguese: `presidente`, "
    "`primer ministro`, `Premier ministre`, `secretário-geral`) capitalised after a lower-case word "
    "or a comma. A house style, so off by default: `job-titles = \"lower\"` in the configuration "
    "(or a table, `job-titles = { es = \"lower\" }`) turns it on; a title right before a name "
    "(`o Presidente Jorge Sampaio`, which European Portuguese writes so) is left alone unless the "
    "style is `lower-all`. Unsafe.",
    "MT from English keeps English capitals on titles (`the Prime Minister`), which Romance "
    "newsrooms write in lower case.",
    "`el Primer Ministro británico llegó` -> `el primer ministro británico llegó` (job-titles = \"lower\")",
    priority=48))


# -- quotation marks as pairs (normalize/stages/quotes.py) ---------------------
register(Rule(
    "MTN105", "space-inside-quotes", Category.SPACING,
    "A straight quotation mark with its space on the wrong side.",
    "Pairs the document's quotation marks and removes the space between a straight mark and the "
    "words it encloses (`\" The road`, `vote \",`), or moves it to the outside of a closing "
    "mark glued to the next word (`June \"said` -> `June\" said`). French, which spaces the "
    "inside of its quotation marks, is left alone. Unsafe: a straight mark's role comes from the pairing.",
    "Tokenised MT output and scrapers that join a quotation to its attribution leave the space on "
    "the wrong side of the mark.",
    "`said \" The road will reopen\"` -> `said \"The road will reopen\"`",
    priority=13))
register(Rule(
    "MTN208", "missing-comma-between-quotes", Category.PUNCTUATION,
    "Two quoted items side by side with no comma between them.",
    "Finds a closing quotation mark followed, after a space, by the opening mark of the next "
    "quotation on the same line, and inserts a comma (unsafe).",
    "Lists of titles lose their commas when the titles were links or italics.",
    "`novels such as \"Dune\" \"Emma\" and \"Ulysses\"` -> `\"Dune\", \"Emma\" and …`",
    priority=21))
register(Rule(
    "MTN215", "missing-comma-before-attribution", Category.PUNCTUATION,
    "A quotation followed by its attribution with no comma between them.",
    "Finds a quotation of three words or more (not a title: one word at least in lower case) that "
    "ends on a letter, followed by a verb of saying (`speech_verbs.txt`; French `a déclaré`, "
    "Italian `ha detto`) and, in English, its subject, and inserts the comma: inside the closing "
    "mark in English, after it in Spanish, French, German, Italian and Portuguese. Not Russian, "
    "which sets a dash there too. Unsafe.",
    "Translations from languages that punctuate speech otherwise, and scrapers that drop a "
    "comma with a closing tag, leave the quotation run into its attribution.",
    "`\"We will strike in August\" said our journalist.` -> `\"We will strike in August,\" said …`",
    priority=21))
register(Rule(
    "MTN211", "unpaired-quote", Category.QUOTE,
    "A quotation mark with no partner: a quotation never closed, or closed without being opened.",
    "Pairs the document's quotation marks (a quotation may run over several lines, and over "
    "paragraphs that each open with a mark) and flags each mark that has no partner. Where the "
    "repair is unambiguous it is an unsafe fix: a quotation never closed is closed before its "
    "attribution (`, says the weather service`) or at the end of its paragraph when that ends a sentence; a "
    "quotation never opened is opened at the start of its sentence; a closing mark followed by a "
    "full stop and a lower-case word, where a later closing mark has nothing to close, closed the "
    "quotation too early. Otherwise the mark is only flagged.",
    "MT drops quoted words and their marks with them; scrapers cut a quotation at a link or a "
    "paragraph break.",
    "`wrote in a post, ‘The council is hiding the figures.` -> `… figures.’`",
    priority=22))
register(Rule(
    "MTN212", "foreign-quote-style", Category.QUOTE,
    "Quotation marks in a style the document's language does not write.",
    "Replaces a guillemet (or low-9 mark) that an English quotation mark closes or opens "
    "(`«We … equality”`) with “ or ”, and Russian straight single quotes around words with « ». "
    "A title set in « » on its own in English is left alone.",
    "A translation keeps the source language's quotation marks: «We have received…» in English.",
    "`«We have received the plan”` -> `“We have received the plan”`",
    priority=19))
register(Rule(
    "MTN213", "doubled-quote", Category.QUOTE,
    "The same quotation mark twice in a row.",
    "Removes a closing mark written right after another closing mark that already closed the "
    "quotation (`Sunday.””`, `accordo.\"\"`), and an opening mark doubled. Safe for curly marks, "
    "unsafe for straight ones.",
    "Joining a quotation's fragments repeats the marks both fragments carried.",
    "`the count ends on Sunday.””` -> `the count ends on Sunday.”`",
    priority=18))
register(Rule(
    "MTN214", "dash-for-quote", Category.QUOTE,
    "A dash standing for a quotation mark.",
    "A passage that opens with a dash (`- We are…`, `. — Per noi…`) and ends with a closing "
    "quotation mark that nothing opened: the dash is replaced by the opening mark. In English, an "
    "attribution set off by dashes inside a quotation (`“We will not give in – insists the "
    "Mayor – to this pressure”`) is turned into a closed and reopened quotation. Unsafe. Not in "
    "Russian, where a dash introduces direct speech and its attribution.",
    "MT from languages that mark speech with dashes keeps the dashes and adds the other language's "
    "closing mark.",
    "`- We are ready to talk,\" he told reporters.` -> `\"We are ready to talk,\" he told reporters.`",
    priority=23))


def rule(code: str) -> Rule:
    return RULES[code]
