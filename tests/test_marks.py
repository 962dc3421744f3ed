"""The marks around words (spacing, punctuation, quotation marks, broken lines)
on text the project wrote: what each rule fixes, flags, and must leave."""

import pytest

from normalize import Pipeline
from normalize.quotemarks import pair_quotes


def fixed(text, lang="en", unsafe=True):
    return Pipeline(language=lang, unsafe_fixes=unsafe).fix(text).text


def found(text, lang="en"):
    return {f.rule for f in Pipeline(language=lang).check(text).findings}


# (language, input, expected output with --unsafe-fixes, the rule that must fire)
FIXES = [
    # MTN104 spaces inside numbers
    ("ru", "Бразилия обыграла Китай — 5: 0.", "Бразилия обыграла Китай — 5:0.", "MTN104"),
    ("en", "The talks began at 12: 30 on Monday.", "The talks began at 12:30 on Monday.", "MTN104"),
    ("en", "The pound fell under $ 1.14 on Friday.", "The pound fell under $1.14 on Friday.", "MTN104"),
    ("en", "Shares of the lender (+ 2.5%) led the gains.", "Shares of the lender (+2.5%) led the gains.", "MTN104"),
    ("en", "Prices rose 4 % in March.", "Prices rose 4% in March.", "MTN104"),
    ("it", "Si celebra l'80 ° anniversario della città.", "Si celebra l'80° anniversario della città.", "MTN104"),
    # MTN105 spaces inside brackets and straight quotation marks
    ("en", "Boats left from Faro ( Portugal ) at dawn.", "Boats left from Faro (Portugal) at dawn.", "MTN105"),
    ("en", 'The mayor said: " The bridge stays closed."', 'The mayor said: "The bridge stays closed."', "MTN105"),
    ("en", 'Then: " It will stay shut until spring "said the mayor.',
     'Then: "It will stay shut until spring," said the mayor.', "MTN105"),   # (and MTN215's comma)
    # MTN106 a spaced slash between acronyms
    ("en", "The EU / IMF programme ended.", "The EU/IMF programme ended.", "MTN106"),
    # MTN103 an apostrophe split from its word
    ("it", "Un po 'più tardi arrivarono.", "Un po' più tardi arrivarono.", "MTN103"),
    ("it", "Negli anni all '80 si cambiò.", "Negli anni all'80 si cambiò.", "MTN103"),
    # MTN108 French spacing, where the document spaces its marks elsewhere
    ("fr", "Il a dit : oui. Elle a dit : non. Puis il a ajouté: peut-être.",
     "Il a dit : oui. Elle a dit : non. Puis il a ajouté : peut-être.", "MTN108"),
    ("fr", "Il a dit « oui » puis « non », enfin «peut-être» et «jamais».",
     "Il a dit « oui » puis « non », enfin « peut-être » et « jamais ».", "MTN108"),
    # MTN107 broken lines
    ("de", "Das geschah am 10.\nApril in Berlin.", "Das geschah am 10. April in Berlin.", "MTN107"),
    ("en", "The committee met on Monday with the\n\nministers of both countries.",
     "The committee met on Monday with the ministers of both countries.", "MTN107"),
    ("en", "The talks were led by the\n\nForeign Office\n\nand lasted a day.\n\nLater the\n\nForeign Office\n\n"
           "said more.", "The talks were led by the Foreign Office and lasted a day.\n\nLater the Foreign Office "
           "said more.", "MTN107"),
    # MTN202 a sentence ended twice
    ("en", "He said it was “a crime.”. Then he left.", "He said it was “a crime.” Then he left.", "MTN202"),
    ("pt", "Eles estão nos centros de treino. .\n", "Eles estão nos centros de treino.\n", "MTN202"),
    # MTN203 a stray full stop
    ("en", "Three soldiers were wounded and two others. evacuated after the blast.",
     "Three soldiers were wounded and two others evacuated after the blast.", "MTN203"),
    # MTN204 a missing full stop after an acronym
    ("en", "The strike was called by the CGT The two unions want the reform dropped.",
     "The strike was called by the CGT. The two unions want the reform dropped.", "MTN204"),
    # MTN205 a dash after a quotation's comma
    ("en", "“We will respond”, – said the spokesman.", "“We will respond”, said the spokesman.", "MTN205"),
    # MTN206 a backtick for an apostrophe
    ("en", "Europe`s leaders met in Rome.", "Europe’s leaders met in Rome.", "MTN206"),
    # MTN207 a prefix split from its word
    ("en", "A pro Russian party won the vote.", "A pro-Russian party won the vote.", "MTN207"),
    # MTN209 a foreign thousands separator
    ("en", "The survey covered 12.400 households.", "The survey covered 12,400 households.", "MTN209"),
    # MTN210 a hyphen for a dash
    ("en", "The minister added- the plan is final.", "The minister added – the plan is final.", "MTN210"),
    # MTN208 a missing comma in a list of quotations
    ("en", 'Films such as "Dune" "Oppenheimer" and "Barbie" did well.',
     'Films such as "Dune", "Oppenheimer" and "Barbie" did well.', "MTN208"),
    # MTN215 a quotation run into its attribution: the comma inside the mark in English, after it elsewhere
    ("en", '"We will strike in the course of August" said our journalist.',
     '"We will strike in the course of August," said our journalist.', "MTN215"),
    ("en", "Then: “The bridge stays shut until May” the mayor said. “It is our plan” he added.",
     "Then: “The bridge stays shut until May” the mayor said. “It is our plan,” he added.", "MTN215"),
    ("fr", "« Nous partirons demain matin » a déclaré le maire.", "« Nous partirons demain matin », a déclaré le maire.",
     "MTN215"),
    ("de", "„Wir streiken im August“ sagte er.", "„Wir streiken im August“, sagte er.", "MTN215"),
    ("es", "«Esto es como una bola de nieve» dijo la policía.", "«Esto es como una bola de nieve», dijo la policía.",
     "MTN215"),
    ("pt", '"Ficamos felizes com a decisão" disse a ministra.', '"Ficamos felizes com a decisão", disse a ministra.',
     "MTN215"),
    # MTN211 unpaired quotation marks
    ("en", "He wrote on his blog, ‘The budget is a disgrace.\n\nHe also met the press.",
     "He wrote on his blog, ‘The budget is a disgrace.’\n\nHe also met the press.", "MTN211"),
    ("en", "“The damage was felt in three towns, says the agency, which will report again.",
     "“The damage was felt in three towns”, says the agency, which will report again.", "MTN211"),
    ("es", 'El Gobierno dice "primero la deuda", dijo ella. Es un error". Luego se fue.',
     'El Gobierno dice "primero la deuda", dijo ella. "Es un error". Luego se fue.', "MTN211"),
    ("en", "“We asked her to come and act on the deal”. adding the funds. She agreed, he said.”",
     "“We asked her to come and act on the deal, adding the funds. She agreed, he said.”", "MTN211"),
    # MTN212 quotation marks of another language's style
    ("en", "«We have received the plan, ” said the president.", "“We have received the plan,” said the president.",
     "MTN212"),
    ("ru", "Он назвал это 'чужим двором' и ушёл.", "Он назвал это «чужим двором» и ушёл.", "MTN212"),
    # MTN213 a doubled closing mark
    ("en", "She urged them “to go out and vote.”” Then she left.", "She urged them “to go out and vote.” Then she left.",
     "MTN213"),
    # MTN214 a dash for a quotation mark
    ("en", "- We built it ourselves,\" the director told the paper.",
     "\"We built it ourselves,\" the director told the paper.", "MTN214"),
    ("en", "“It is our plan – explains the minister – to finish by May.”",
     "“It is our plan,” explains the minister, “to finish by May.”", "MTN214"),
    # MTN201 a spaced curly mark whose role the pairing gives
    ("en", "He promised that ” we will win everything”.", "He promised that “we will win everything”.", "MTN201"),
]


@pytest.mark.parametrize("lang,text,want,rule", FIXES)
def test_fixes(lang, text, want, rule):
    assert rule in found(text, lang), found(text, lang)
    assert fixed(text, lang) == want


# correct text in each language's own typography: nothing may change
MUST_NOT_CHANGE = [
    ("en", 'She said: "They told me, "Go home," and I went." Then she left.'),          # nested straight quotes
    ("en", "“We will win.\n“We will stay,” he added."),                                  # a quotation over paragraphs
    ("en", "He said: “We will win.\nIt is time,” he added."),                             # one sentence a line
    ("en", "In 2019: 5 cases. The score was 2:1 and the time 12:30. Call +44 20 7946 0000."),
    ("en", "It costs 3.125 percent, or 1.500 points, in version 2.300 of the index."),
    ("en", "A rate of 1.233 which is high, and 1.414 using the same data, or 2.718 compared with 3."),
    ("en", "Pre- and post-war Europe; north- and southbound trains."),
    ("en", "The U.S. economy grew, e.g. in Node.js terms, approx. three points."),
    ("en", "See Proc. of the ACL, Vol. 2, and Fig. 3 of the paper."),                     # references' abbreviations
    ("en", "Prices (in euros) rose; see the table (below) and the smileys :) and ;-)."),
    ("en", "I'd say it's the 1990s' best, don't you? The Smiths' album."),
    ("fr", "Il a dit : « oui ». Elle a répondu: non; puis: peut-être!"),                    # consistent in not spacing
    ("fr", "Elle a qualifié Kim d’« homme missile » en mission."),                         # elision before «
    ("fr", "Il a dit « Bonjour », puis il est parti."),
    ("de", "Er sagte: „Wir kommen.“ Dann ging er. Nord- und Südamerika."),
    ("de", "„Er rief: ‚Komm!‘“, erzählte sie."),
    ("ru", "«Да здравствует Испания!». Он сказал: «Мы придём», — и ушёл."),
    ("ru", "— Мы придём, — сказал он."),                                                   # dialogue dashes
    ("ru", "Компания 'Apple' и слово 'ok' остались."),                                      # Latin words in singles
    ("es", "¿«Lloró»? Eso dijo. «Es un error», dijo ella."),
    ("it", "«Non è così», ha detto. Un po' di pazienza."),
    ("pt", "Ele disse: \"Vamos\". Depois saiu."),
    # an article a dump holds twice: its attribution line repeats between the same lines, no link
    ("en", ("It is sad that those who were careful now pay for those who were far less careful\n"
            "Anna Weber, BSA\nIt said each firm had to pay its share.\n") * 2),
    # a quotation and a verb that is no attribution: a title, a question, a term inside a sentence,
    # a verb with an object, a French participle; Italian news writes no comma there
    ("en", 'The song "Wish You Were Here" says a lot. "I am so sorry" said it all. "Are you coming?" said Ana.'),
    ("en", 'Critics called him "a man without scruples" says the report.'),
    ("fr", 'Il était "un homme sans scrupules" poursuivi par la justice.'),
    ("it", '«Non sappiamo ancora niente» ha detto il sindaco.'),
    # a list of quotations whose commas sit inside the marks (American style): no comma is missing
    ("en", 'They explained "Dune," the "best hole in Lyon," "a bar," "bull neck," "treason" and "tin."'),
]


@pytest.mark.parametrize("lang,text", MUST_NOT_CHANGE)
def test_must_not_change(lang, text):
    assert fixed(text, lang) == text


def test_pairing_reads_roles_and_orphans():
    qp = pair_quotes('He said "yes" and "no.\n\nShe left.')
    roles = [(m.ch, m.role, m.orphan) for m in qp.marks]
    assert roles == [('"', "open", False), ('"', "close", False), ('"', "open", True)]
    # a quotation continued by the next paragraph's opening mark is not an orphan
    qp = pair_quotes("“One.\n\n“Two.”")
    assert [m.orphan for m in qp.marks] == [False, False, False] and qp.marks[0].continued


def test_one_sentence_a_line_keeps_quotations_open_over_lines():
    # (as aligned corpora have it) no line break alone ends a quotation
    text = 'He said: "We will win.\nWe always do.\nWe always will," he added.'
    assert not any(m.orphan for m in pair_quotes(text).marks)
    assert "MTN211" not in found(text)
