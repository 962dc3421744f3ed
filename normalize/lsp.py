"""``mtnorm lsp``: a language server (stdio) for plain text and Markdown.

What an editor gets:

- diagnostics when a document opens, and again after each change once the
  typing has paused (``--debounce``, 0.3 s), for the version it was made from;
- severity by fix class: a safe fix is a *warning*, an unsafe one
  *information*, a finding with no sure fix a *hint*; the code is the rule's;
- code actions on a finding: its safe fix (preferred), its unsafe fix, and
  each other suggestion, each named for what it is; on the whole document,
  *fix all safe* (``source.fixAll.mtnorm``, the same fixed point as
  ``mtnorm fix``) and *fix all, unsafe included*;
- the configuration that ``mtnorm check`` would use for the file
  (``[tool.mtnorm]`` in ``pyproject.toml`` or ``.mtnorm.toml``, nearest
  above it; per-file ignores) — re-read when such a file is saved — and the
  inline suppressions (``<!-- mtnorm: ignore MTN301 -->``).

Positions are in the encoding the client and server agree on (UTF-16 unless
the client offers another), converted from mtnorm's code-point offsets.

pygls is the ``lsp`` extra (``pip install 'mtnorm[lsp]'``), imported only here.
"""

from __future__ import annotations

import argparse
import asyncio
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import unquote, urlparse

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from . import __version__
from .languagetool import Utf16, visible
from .markup import MARKDOWN_SUFFIXES
from .model import Applicability, Document, Finding

FIX_ALL = "source.fixAll.mtnorm"
FIX_ALL_UNSAFE = "source.mtnorm.fixAllUnsafe"   # not under source.fixAll: never applied on save
SEVERITY = {Applicability.SAFE: types.DiagnosticSeverity.Warning,
            Applicability.UNSAFE: types.DiagnosticSeverity.Information,
            Applicability.DISPLAY: types.DiagnosticSeverity.Hint}
CONFIG_NAMES = ("pyproject.toml", ".mtnorm.toml")
_LINE_BREAK_RE = re.compile(r"\r\n|\r|\n")


class Lines:
    """Code-point offsets of one text to LSP positions and back (lines end
    at LF, CRLF or CR, as the protocol counts them)."""

    def __init__(self, text: str, encoding: str = "utf-16"):
        self.text = text
        encoding = getattr(encoding, "value", encoding) or "utf-16"     # the enum or its string
        self.encoding = str(encoding).lower()
        if self.encoding not in ("utf-8", "utf-16", "utf-32"):
            self.encoding = "utf-16"
        self.starts = [0] + [m.end() for m in _LINE_BREAK_RE.finditer(text)]
        self.u16 = Utf16(text) if self.encoding == "utf-16" else None

    def _units(self, start: int, cp: int) -> int:
        if self.encoding == "utf-32":
            return cp - start
        if self.encoding == "utf-8":
            return len(self.text[start:cp].encode("utf-8", "surrogatepass"))
        return self.u16.units(cp) - self.u16.units(start)

    def position(self, cp: int) -> types.Position:
        import bisect
        line = bisect.bisect_right(self.starts, cp) - 1
        return types.Position(line=line, character=self._units(self.starts[line], cp))

    def range(self, start: int, end: int) -> types.Range:
        return types.Range(start=self.position(start), end=self.position(end))

    def offset(self, pos: types.Position) -> int:
        if pos.line >= len(self.starts):
            return len(self.text)
        start = self.starts[pos.line]
        end = self.starts[pos.line + 1] if pos.line + 1 < len(self.starts) else len(self.text)
        line_end = end
        while line_end > start and self.text[line_end - 1] in "\r\n":
            line_end -= 1
        if self.encoding == "utf-32":
            return min(start + pos.character, line_end)
        if self.encoding == "utf-16":
            target = self.u16.units(start) + pos.character
            return min(self.u16.code_point(target), line_end)
        cp, used = start, 0
        while cp < line_end and used < pos.character:
            used += len(self.text[cp].encode("utf-8", "surrogatepass"))
            cp += 1
        return cp


def path_of(uri: str) -> str | None:
    """The local path of a ``file:`` URI (None for an unsaved buffer)."""
    parsed = urlparse(uri)
    if parsed.scheme != "file":
        return None
    return unquote(parsed.path)


class MtnormServer(LanguageServer):
    """The language server: one pipeline per configuration, checks on one
    thread beside the protocol's loop, the latest findings per document."""

    def __init__(self, debounce: float = 0.3):
        super().__init__("mtnorm", __version__,
                         text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.debounce = debounce
        self.checker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="mtnorm-lsp")
        self.pending: dict[str, asyncio.Task] = {}
        self.results: dict[str, tuple[int | None, str, list[Finding]]] = {}
        self._pipelines = None

    # --- configuration -------------------------------------------------
    def pipelines(self):
        if self._pipelines is None:
            from .cli import Pipelines
            self._pipelines = Pipelines(argparse.Namespace(
                select=None, ignore=None, unsafe_fixes=False, lang=None, source_lang=None, rules=[],
                config=None, isolated=False, mt_model=None, source=None))
        return self._pipelines

    def forget_config(self) -> None:
        from .config import _find
        _find.cache_clear()
        self._pipelines = None

    def config_path(self, uri: str) -> str:
        """The path the configuration is looked up from: the file, else a
        file in the workspace's root (an unsaved buffer)."""
        path = path_of(uri)
        if path:
            return path
        root = self.workspace.root_path if self.workspace else None
        return str(Path(root or Path.cwd()) / "untitled")

    def pipeline(self, uri: str, unsafe: bool | None = None):
        """The file's pipeline; for a fix-all, one that applies exactly the
        fixes asked for (``unsafe``), whatever the configuration's ``unsafe-fixes``."""
        pipe = self.pipelines().for_path(self.config_path(uri))
        return pipe if unsafe is None else pipe.with_unsafe_fixes(unsafe)

    def document(self, uri: str, text: str, language_id: str | None) -> Document:
        path = path_of(uri)
        doc = Document(text, path=path)
        if language_id == "markdown" or (path and path.lower().endswith(MARKDOWN_SUFFIXES)):
            doc.metadata["format"] = "markdown"
        elif language_id == "html":
            doc.metadata["format"] = "html"
        elif language_id == "plaintext":
            doc.metadata["format"] = "text"
        return doc

    # --- checking ------------------------------------------------------
    def lines(self, text: str) -> Lines:
        return Lines(text, self.workspace.position_encoding if self.workspace else "utf-16")

    async def check(self, uri: str, delay: float) -> None:
        if delay:
            await asyncio.sleep(delay)
        doc = self.workspace.get_text_document(uri)
        text, version, lang_id = doc.source, doc.version, doc.language_id
        loop = asyncio.get_running_loop()
        try:
            findings = await loop.run_in_executor(
                self.checker, lambda: self.pipeline(uri).check(self.document(uri, text, lang_id)).findings)
        except Exception as exc:   # a bad configuration: say so, keep serving
            self.window_show_message(types.ShowMessageParams(
                type=types.MessageType.Error, message=f"mtnorm: {exc}"))
            return
        current = self.workspace.get_text_document(uri)
        if current.version != version or current.source != text:
            return                       # a newer change is on its way; its check will publish
        shown = [visible(f, text) for f in findings]
        self.results[uri] = (version, text, shown)
        lines = self.lines(text)
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=uri, version=version, diagnostics=[self.diagnostic(f, lines) for f in shown]))

    def schedule(self, uri: str, delay: float) -> None:
        old = self.pending.pop(uri, None)
        if old is not None:
            old.cancel()
        task = asyncio.ensure_future(self.check(uri, delay))
        task.add_done_callback(self._report)
        self.pending[uri] = task

    def _report(self, task: asyncio.Task) -> None:
        """A check that failed says why in the client's log instead of vanishing."""
        if not task.cancelled() and task.exception() is not None:
            exc = task.exception()
            self.window_log_message(types.LogMessageParams(
                type=types.MessageType.Error, message=f"mtnorm: check failed: {type(exc).__name__}: {exc}"))

    @staticmethod
    def diagnostic(f: Finding, lines: Lines) -> types.Diagnostic:
        from .rules import RULES
        return types.Diagnostic(
            range=lines.range(f.start, f.end), message=f.message,
            severity=SEVERITY[f.applicability], code=f.rule, source="mtnorm",
            data={"rule": f.rule, "name": RULES[f.rule].name, "applicability": f.applicability.value,
                  "replacements": list(f.replacements)})

    # --- code actions --------------------------------------------------
    def actions(self, params: types.CodeActionParams) -> list[types.CodeAction]:
        uri = params.text_document.uri
        doc = self.workspace.get_text_document(uri)
        text = doc.source
        stored = self.results.get(uri)
        if stored is None or stored[1] != text:
            findings = [visible(f, text) for f in
                        self.pipeline(uri).check(self.document(uri, text, doc.language_id)).findings]
        else:
            findings = stored[2]
        lines = self.lines(text)
        lo, hi = lines.offset(params.range.start), lines.offset(params.range.end)
        only = params.context.only
        out: list[types.CodeAction] = []
        wants = (lambda kind: only is None or any(kind == k or kind.startswith(k + ".") for k in only))
        if wants(types.CodeActionKind.QuickFix):
            for f in findings:
                if f.end < lo or f.start > hi or not f.replacements:
                    continue
                diag = self.diagnostic(f, lines)
                original = text[f.start:f.end]
                for i, value in enumerate(f.replacements):
                    if i == 0 and f.applicability is Applicability.SAFE:
                        title, preferred = f"Fix: `{original}` → `{value}` ({f.rule})", True
                    elif i == 0 and f.applicability is Applicability.UNSAFE:
                        title, preferred = f"Unsafe fix: `{original}` → `{value}` ({f.rule})", False
                    else:
                        title, preferred = f"Suggestion: `{original}` → `{value}` ({f.rule})", False
                    out.append(types.CodeAction(
                        title=title, kind=types.CodeActionKind.QuickFix, diagnostics=[diag],
                        is_preferred=preferred,
                        edit=self.edit(uri, doc.version, [types.TextEdit(range=diag.range, new_text=value)])))
        for kind, unsafe, title in ((FIX_ALL, False, "mtnorm: fix all safe"),
                                    (FIX_ALL_UNSAFE, True, "mtnorm: fix all, unsafe fixes included")):
            if only is None or any(kind == k or kind.startswith(k + ".") for k in only):
                result = self.pipeline(uri, unsafe).fix(self.document(uri, text, doc.language_id))
                if result.edits:
                    edits = [types.TextEdit(range=lines.range(e.start, e.end), new_text=e.replacement)
                             for e in result.edits]
                    out.append(types.CodeAction(title=f"{title} ({len(edits)} edit"
                                                      f"{'s' if len(edits) != 1 else ''})",
                                                kind=kind, edit=self.edit(uri, doc.version, edits)))
        return out

    @staticmethod
    def edit(uri: str, version: int | None, edits: list[types.TextEdit]) -> types.WorkspaceEdit:
        return types.WorkspaceEdit(document_changes=[types.TextDocumentEdit(
            text_document=types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=version),
            edits=edits)])


def build(debounce: float = 0.3) -> MtnormServer:
    server = MtnormServer(debounce)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    async def did_open(ls: MtnormServer, params: types.DidOpenTextDocumentParams):
        ls.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    async def did_change(ls: MtnormServer, params: types.DidChangeTextDocumentParams):
        ls.schedule(params.text_document.uri, ls.debounce)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    async def did_save(ls: MtnormServer, params: types.DidSaveTextDocumentParams):
        path = path_of(params.text_document.uri) or ""
        if Path(path).name in CONFIG_NAMES:
            ls.forget_config()
            for uri in list(ls.results):
                ls.schedule(uri, 0)

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    async def watched(ls: MtnormServer, params: types.DidChangeWatchedFilesParams):
        if any(Path(path_of(c.uri) or "").name in CONFIG_NAMES for c in params.changes):
            ls.forget_config()
            for uri in list(ls.results):
                ls.schedule(uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    async def did_close(ls: MtnormServer, params: types.DidCloseTextDocumentParams):
        uri = params.text_document.uri
        task = ls.pending.pop(uri, None)
        if task is not None:
            task.cancel()
        ls.results.pop(uri, None)
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
        code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL, FIX_ALL_UNSAFE]))
    async def code_action(ls: MtnormServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        # on the checking thread: one pipeline is never run by two threads at once
        return await asyncio.get_running_loop().run_in_executor(ls.checker, ls.actions, params)

    return server


def run(debounce: float = 0.3) -> None:
    """Serve over stdio until the client says exit."""
    build(debounce).start_io()

