"""``mtnorm lsp`` end to end: an LSP client (pytest-lsp) drives the server over stdio."""

from __future__ import annotations

import asyncio
import sys

import pytest

pytest.importorskip("pygls")
pytest_lsp = pytest.importorskip("pytest_lsp")
from lsprotocol import types  # noqa: E402
from pytest_lsp import ClientServerConfig, LanguageClient  # noqa: E402

from normalize.lsp import FIX_ALL, FIX_ALL_UNSAFE, Lines  # noqa: E402

TEXT = "Résumé 😀 of the talks in kyiv.She said 🇺🇦 they met expansionthat.\n"


def _u16(s: str) -> int:
    return len(s.encode("utf-16-le")) // 2


def _apply(text: str, edits: list[types.TextEdit]) -> str:
    lines = Lines(text)
    spans = sorted(((lines.offset(e.range.start), lines.offset(e.range.end), e.new_text) for e in edits),
                   reverse=True)
    for s, e, new in spans:
        text = text[:s] + new + text[e:]
    return text


def test_lines_convert_both_ways_with_crlf_and_astral():
    text = "a😀b\r\nsecond é🎉 line\rthird"
    lines = Lines(text)
    for cp in range(len(text) + 1):
        if text[cp - 1:cp + 1] == "\r\n":
            continue                          # between CR and LF is no position
        assert lines.offset(lines.position(cp)) == cp
    assert lines.position(text.index("b")) == types.Position(line=0, character=3)
    assert lines.position(text.index("line")) == types.Position(line=1, character=_u16("second é🎉 "))
    assert lines.position(text.index("third")) == types.Position(line=2, character=0)
    assert Lines(text, "utf-32").position(text.index("b")).character == 2
    assert Lines(text, "utf-8").position(text.index("b")).character == 5


@pytest_lsp.fixture(config=ClientServerConfig(
    server_command=[sys.executable, "-m", "normalize", "lsp", "--debounce", "0.05"]))
async def client(lsp_client: LanguageClient, tmp_path):
    # (unsafe-fixes = true: `mtnorm fix` applies them here; an editor's "fix all safe" still does not)
    (tmp_path / "pyproject.toml").write_text('[tool.mtnorm]\nignore = ["MTN603"]\nunsafe-fixes = true\n'
                                             '[tool.mtnorm.per-file-ignores]\n"legacy/*.md" = ["MTN301"]\n')
    (tmp_path / "legacy").mkdir()
    lsp_client.root = tmp_path
    await lsp_client.initialize_session(types.InitializeParams(
        capabilities=types.ClientCapabilities(),
        root_uri=tmp_path.as_uri(), workspace_folders=[types.WorkspaceFolder(uri=tmp_path.as_uri(), name="ws")]))
    yield
    await lsp_client.shutdown_session()


async def _open(client: LanguageClient, uri: str, text: str, language_id: str = "plaintext"):
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id=language_id, version=1, text=text)))
    await asyncio.wait_for(client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), 60)
    return client.diagnostics[uri]


def _by_code(diags):
    return {d.code: d for d in diags}


@pytest.mark.asyncio
async def test_diagnostics_ranges_severity_and_quick_fixes(client: LanguageClient):
    uri = (client.root / "article.txt").as_uri()
    diags = _by_code(await _open(client, uri, TEXT))
    assert {"MTN301", "MTN101", "MTN401"} <= set(diags)
    kyiv = diags["MTN301"]
    col = _u16(TEXT[:TEXT.index("kyiv")])
    assert (kyiv.range.start.line, kyiv.range.start.character, kyiv.range.end.character) == (0, col, col + 4)
    assert kyiv.severity == types.DiagnosticSeverity.Warning and kyiv.source == "mtnorm"
    glued = diags["MTN401"]
    assert TEXT[Lines(TEXT).offset(glued.range.start):Lines(TEXT).offset(glued.range.end)] == "expansionthat"

    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=kyiv.range,
        context=types.CodeActionContext(diagnostics=[kyiv], only=[types.CodeActionKind.QuickFix])))
    fix = next(a for a in actions if a.is_preferred)
    assert fix.title.startswith("Fix:") and "MTN301" in fix.title
    edits = fix.edit.document_changes[0].edits
    assert _apply(TEXT, edits) == TEXT.replace("kyiv", "Kyiv")


@pytest.mark.asyncio
async def test_fix_all_safe_and_unsafe_are_separate(client: LanguageClient):
    uri = (client.root / "notes.txt").as_uri()
    text = ("The talks in kyiv ended on Sunday.She left.\n"
            "The military bloc met on Monday. Some members of the block are surprised, diplomats said.\n")
    diags = _by_code(await _open(client, uri, text))
    assert diags["MTN601"].severity == types.DiagnosticSeverity.Information     # an unsafe fix
    whole = types.Range(start=types.Position(line=0, character=0), end=types.Position(line=2, character=0))

    async def fix_all(kind):
        actions = await client.text_document_code_action_async(types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri), range=whole,
            context=types.CodeActionContext(diagnostics=[], only=[kind])))
        assert [a.kind for a in actions] == [kind]
        return _apply(text, actions[0].edit.document_changes[0].edits)

    safe = fix_all(FIX_ALL)
    assert await safe == text.replace("kyiv", "Kyiv").replace("Sunday.She", "Sunday. She")
    assert await fix_all(FIX_ALL_UNSAFE) == (text.replace("kyiv", "Kyiv").replace("Sunday.She", "Sunday. She")
                                             .replace("the block", "the bloc"))
    # the unsafe fix alone is offered as such, never as the preferred one
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=diags["MTN601"].range,
        context=types.CodeActionContext(diagnostics=[diags["MTN601"]], only=[types.CodeActionKind.QuickFix])))
    unsafe = [a for a in actions if "MTN601" in a.title]
    assert unsafe and unsafe[0].title.startswith("Unsafe fix:") and not unsafe[0].is_preferred


@pytest.mark.asyncio
async def test_change_is_rechecked_and_configuration_and_suppressions_apply(client: LanguageClient):
    uri = (client.root / "draft.md").as_uri()
    await _open(client, uri, "# Notes\n\nAll quiet in the capital.\n", "markdown")
    assert list(client.diagnostics[uri]) == []
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangePartial(
            range=types.Range(start=types.Position(line=2, character=13),
                              end=types.Position(line=2, character=24)),
            text="kyiv")]))
    await asyncio.wait_for(client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), 60)
    assert [d.code for d in client.diagnostics[uri]] == ["MTN301"]

    # code spans in Markdown are not prose; an inline suppression is honoured
    text = "Talks in `kyiv` and kyiv <!-- mtnorm: ignore MTN301 -->\n\nThe talks in kyiv ended.\n"
    codes = [(d.code, d.range.start.line) for d in await _open(client, (client.root / "b.md").as_uri(),
                                                               text, "markdown")]
    assert codes == [("MTN301", 2)]

    # per-file-ignores from the workspace's pyproject.toml
    legacy = (client.root / "legacy" / "old.md").as_uri()
    assert "MTN301" not in [d.code for d in await _open(client, legacy, "The talks in kyiv ended.\n", "markdown")]
