"""Reading inputs without losing a byte, and writing files atomically."""

from __future__ import annotations

import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")


class InputError(Exception):
    """An input that cannot be processed; the message names the file."""


@dataclass
class Input:
    path: str            # as given ("-" for stdin)
    text: str


def decode(data: bytes, path: str) -> str:
    """UTF-8 text, BOM and line endings kept exactly (the BOM stays as U+FEFF)."""
    if b"\x00" in data[:8192]:
        raise InputError(f"{path}: looks like a binary file (NUL byte); skipped")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(f"{path}: not valid UTF-8 at byte {exc.start} (line {line}): "
                         f"{exc.reason}") from None


def read_input(path: str) -> Input:
    if path == "-":
        return Input("-", decode(sys.stdin.buffer.read(), "<stdin>"))
    p = Path(path)
    if not p.exists():
        raise InputError(f"{path}: no such file")
    if p.is_dir():
        raise InputError(f"{path}: is a directory")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from None
    return Input(path, decode(data, path))


def expand(paths: list[str]) -> Iterator[str]:
    """Files named, and text files (``*.txt``, ``*.md``) under named folders, sorted."""
    for path in paths:
        p = Path(path)
        if path != "-" and p.is_dir():
            found = sorted(str(f) for f in p.rglob("*") if f.is_file() and f.suffix in TEXT_SUFFIXES)
            yield from found
        else:
            yield path


def write_atomic(path: str, text: str) -> None:
    """Replace ``path`` with ``text`` (UTF-8): temporary file in the same
    folder, fsync, rename; mode kept. A crash leaves the old or the new file."""
    p = Path(path)
    st = p.stat()
    fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".mtnorm", dir=str(p.parent))
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(text.encode("utf-8"))
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, st.st_mode & 0o7777)
        try:
            os.chown(tmp, st.st_uid, st.st_gid)
        except OSError:
            pass
        os.replace(tmp, p)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
