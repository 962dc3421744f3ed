"""Configuration files and user rule packs, as a user meets them."""

import json
import subprocess
import sys

import pytest

from normalize import Pipeline
from normalize.config import ConfigError, find_config, load_config_file
from normalize.lexicon import casing_lexicon
from normalize.resources import RulePackError


def run(*args, cwd=None, stdin=None):
    return subprocess.run([sys.executable, "-m", "normalize", *args], capture_output=True, cwd=cwd,
                          input=stdin)


def test_pyproject_config_found_upward_with_per_file_ignores(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.mtnorm]\nignore = ["MTN501"]\nstyle = { kyiv = "Kiev" }\n'
        'per-file-ignores = { "legacy/*.txt" = ["casing"] }\n', encoding="utf-8")
    (tmp_path / "legacy").mkdir()
    text = "he announced About plans in kyiv, Kyiv said.\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "legacy" / "b.txt").write_text(text, encoding="utf-8")
    out = run("check", "--lang", "en", "a.txt", "legacy/b.txt", cwd=tmp_path).stdout.decode()
    assert "MTN501" not in out                                # ignored everywhere
    assert "a.txt:1:29: MTN301" in out and "legacy/b.txt:1:29" not in out   # per-file ignore
    assert "house style spells `Kyiv` as `Kiev`" in out       # style choice
    isolated = run("check", "--isolated", "--lang", "en", "a.txt", cwd=tmp_path).stdout.decode()
    assert "MTN501" in isolated
    assert find_config(str(tmp_path / "legacy" / "b.txt")).path == tmp_path / "pyproject.toml"


def test_mtnorm_toml_takes_precedence_and_bad_keys_are_named(tmp_path):
    (tmp_path / ".mtnorm.toml").write_text('select = ["spacing"]\n', encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[tool.mtnorm]\nselect = ["casing"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("talks in kyiv.She said\n", encoding="utf-8")
    out = run("check", "--lang", "en", "a.txt", cwd=tmp_path).stdout.decode()
    assert "MTN101" in out and "MTN301" not in out
    (tmp_path / ".mtnorm.toml").write_text('selekt = ["spacing"]\n', encoding="utf-8")
    load_config_file.cache_clear()
    r = run("check", "a.txt", cwd=tmp_path)
    assert r.returncode == 2 and b".mtnorm.toml: unknown key `selekt`" in r.stderr
    with pytest.raises(ConfigError, match="expected bool"):
        p = tmp_path / "x.toml"
        p.write_text('unsafe-fixes = "yes"\n', encoding="utf-8")
        load_config_file(p)


def test_user_rule_pack_extends_the_builtin_one(tmp_path):
    pack = tmp_path / "pack" / "en"
    pack.mkdir(parents=True)
    (pack / "casing.tsv").write_text("lower\tcanonical\tkind\nzorbland\tZorbland\tsafe\n", encoding="utf-8")
    (pack / "consistency.yaml").write_text("groups:\n  zorb: [Zorbland, Zorbia]\n", encoding="utf-8")
    pipe = Pipeline(language="en", unsafe_fixes=True, rule_dirs=[str(tmp_path / "pack")])
    assert pipe.fix("in zorbland and kyiv, Zorbia and Zorbland").text == \
        "in Zorbland and Kyiv, Zorbland and Zorbland"


@pytest.mark.parametrize("name,content,message", [
    ("confusions.yaml", "confusions:\n  - id: a\n    pattern: 'x'\n    candidates: [y]\n  - id: b\n"
                        "    pattern: '(open'\n    candidates: [z]\n",
     r"confusions.yaml:5: confusions\[1\] \(b\): field `pattern`: invalid regular expression"),
    ("confusions.yaml", "confusions:\n  - id: a\n    pattern: 'x'\n    candidate: [y]\n",
     r"confusions.yaml:2: confusions\[0\]: unknown field\(s\) candidate"),
    ("confusions.yaml", "confusions: [\n", r"confusions.yaml:2: invalid YAML"),
    ("calques.yaml", "calques:\n  - id: a\n    pattern: 'x (?P<span>y)'\n    message: m\n    words: [y, z]\n",
     r"calques.yaml: calques\[0\]: field `words`: expected a mapping"),
    ("consistency.yaml", "groups:\n  one: [Only]\n", r"consistency.yaml:2: groups.one"),
    ("casing.tsv", "lower\tcanonical\tkind\nfoo\tfoo\tmaybe\n", r"casing.tsv: row 1 \(foo\): field `kind`"),
    ("casing.tsv", "lower\tcanonical\nfoo\tFoo\n", r"casing.tsv:1: header lacks column\(s\) kind"),
])
def test_malformed_pack_names_file_line_and_field(tmp_path, name, content, message):
    pack = tmp_path / "pack" / "en"
    pack.mkdir(parents=True)
    (pack / name).write_text(content, encoding="utf-8")
    with pytest.raises(RulePackError, match=message):
        Pipeline(language="en", rule_dirs=[str(tmp_path / "pack")]).check("foo x Only text")
    r = run("check", "--lang", "en", "--rules", str(tmp_path / "pack"), "-", stdin=b"foo x Only text")
    assert r.returncode == 2 and name.encode() in r.stderr and b"Traceback" not in r.stderr
    casing_lexicon.cache_clear()


def test_lexicon_builder_needs_evidence_before_a_word_sequence_is_safe():
    """A capitalised word sequence seen a few times (inside a longer name, as
    "Première Guerre" in "Première Guerre mondiale") is no safe fix; seen
    often enough, with no lower-case use, it is."""
    from normalize.lexicon import build_entries, count_casing

    def kind_of(times):
        lines = ["Les historiens parlent de la Zorbique Vallée depuis longtemps."] * times
        rows = build_entries(count_casing(lines, "fr"), "fr", [], common={"les", "de", "la", "depuis"})
        return {r["lower"]: r["kind"] for r in rows}.get("zorbique vallée")

    assert kind_of(3) == "context"
    assert kind_of(6) == "safe"


def test_lexicon_builder_judges_a_possessive_by_its_word():
    """guy's, seen capitalised in "Guy's Hospital", is as common a word as guy:
    no safe fix (it was one, and MT output "This guy's heating" became "Guy's")."""
    from normalize.lexicon import build_entries, count_casing

    lines = ["Patients at Guy's and in Zorbland's port were moved on Monday."] * 8
    rows = {r["lower"]: r["kind"] for r in
            build_entries(count_casing(lines, "en"), "en", [], common={"guy", "hospital", "port", "the"})}
    assert rows.get("guy's") != "safe"
    assert rows.get("zorbland's") == "safe"


def test_lexicon_builder_weighs_case_forms_written_in_lower_case():
    """MTN301 capitalises a case form through its base name (зорбланде via
    Зорбланда); when clean text writes that form in lower case, the name is
    no safe fix."""
    from normalize.lexicon import build_entries, count_casing
    from normalize.stages.casing import declensions

    base = ["Они приехали из Зорбланда вчера вечером."] * 6

    def kind(extra):
        rows = build_entries(count_casing(base + extra, "ru"), "ru", [], common={"они", "из"},
                             declensions=declensions("ru"))
        return {r["lower"]: r["kind"] for r in rows}.get("зорбланда")

    assert kind([]) == "safe"
    assert kind(["Мы писали о зорбланде и о зорбланде снова."] * 2) == "context"


def test_job_title_house_style_is_set_per_language_in_the_configuration(tmp_path):
    text = "Ayer el Primer Ministro británico llegó a Madrid y habló con el Presidente Pedro Sánchez.\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    out = run("fix", "--lang", "es", "--unsafe-fixes", "a.txt", "--diff", cwd=tmp_path).stdout.decode()
    assert "primer ministro" not in out   # off by default: a house style
    (tmp_path / ".mtnorm.toml").write_text('job-titles = { es = "lower", pt = "keep" }\n', encoding="utf-8")
    load_config_file.cache_clear()
    r = run("check", "--lang", "es", "--unsafe-fixes", "--format", "json", "a.txt", cwd=tmp_path)
    got = [(f["rule"], f["replacements"][0]) for f in json.loads(r.stdout)["files"][0]["findings"]]
    assert got == [("MTN308", "primer"), ("MTN308", "ministro")], got   # (the title before a name stays)
    (tmp_path / ".mtnorm.toml").write_text('job-titles = "lower-all"\n', encoding="utf-8")
    load_config_file.cache_clear()
    r = run("check", "--lang", "es", "--format", "json", "a.txt", cwd=tmp_path)
    assert [f["replacements"][0] for f in json.loads(r.stdout)["files"][0]["findings"]] == ["primer", "ministro", "presidente"]
    (tmp_path / ".mtnorm.toml").write_text('job-titles = "lowercase"\n', encoding="utf-8")
    load_config_file.cache_clear()
    r = run("check", "a.txt", cwd=tmp_path)
    assert r.returncode == 2 and b"job-titles" in r.stderr


def test_job_titles_keep_the_capitals_a_title_keeps():
    # French writes `Premier ministre`; a Portuguese hyphenated title is one word
    fr = Pipeline(language="fr", unsafe_fixes=True, options={"job_titles": "lower"})
    assert fr.fix("Le Premier Ministre a parlé avec le Président de la République.").text == \
        "Le Premier ministre a parlé avec le président de la République."
    pt = Pipeline(language="pt", unsafe_fixes=True, options={"job_titles": "lower"})
    assert pt.fix("O Presidente Jorge Sampaio falou ao Primeiro-Ministro, disse a porta-voz.").text == \
        "O Presidente Jorge Sampaio falou ao primeiro-ministro, disse a porta-voz."


def test_damaged_text_from_the_command_line_or_the_configuration(tmp_path):
    # text extracted from a PDF: a title's two words run together, with no
    # other lost space to show the damage, split only where the user says the
    # text lost spaces (unsafe fixes)
    (tmp_path / "a.txt").write_text("A Proposal for WordSense Disambiguation.\n", encoding="utf-8")
    plain = run("fix", "--unsafe-fixes", "--lang", "en", "a.txt", cwd=tmp_path)
    assert plain.returncode == 0 and b"WordSense" in plain.stdout
    flag = run("fix", "--unsafe-fixes", "--damaged-text", "--lang", "en", "a.txt", cwd=tmp_path)
    assert flag.returncode == 0 and b"Word Sense Disambiguation" in flag.stdout
    (tmp_path / ".mtnorm.toml").write_text("damaged-text = true\nunsafe-fixes = true\n", encoding="utf-8")
    configured = run("fix", "--lang", "en", "a.txt", cwd=tmp_path)
    assert configured.returncode == 0 and b"Word Sense Disambiguation" in configured.stdout
