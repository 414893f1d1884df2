"""The one way partygraph writes a file: whole or not at all, readable by its owner only.

Every file partygraph writes holds members' data or is a register's template, so each is
created with mode 0600 as a temporary file beside the target, written, fsynced and renamed
over the target. A crash, a kill or a full disk leaves the previous file as it was; a symlink
at the target is replaced, never written through; a target that is a folder or a device is
refused. Temporary files left by a killed run are removed by the next write to that path.

>>> import tempfile, os
>>> folder = tempfile.mkdtemp()
>>> with atomic_write(os.path.join(folder, "a.txt")) as out:
...     _ = out.write("宝湖社区")
>>> oct(os.stat(os.path.join(folder, "a.txt")).st_mode & 0o777)
'0o600'
"""

from __future__ import annotations

import errno
import os
import shutil
import stat
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterator

from .errors import WriteError
from .i18n import _

SUFFIX = ".partygraph-tmp"
#: A temporary file of a process that is not running any more, or (where that cannot be asked)
#: one older than this, is stale.
STALE_AFTER = 24 * 3600


def _reason(exc: OSError) -> str:
    reasons = {
        errno.ENOSPC: _("the disk is full"),
        errno.EFBIG: _("the file is larger than this system allows"),
        errno.EACCES: _("permission denied"),
        errno.EPERM: _("permission denied"),
        errno.ENOENT: _("the folder does not exist"),
        errno.EROFS: _("the disk is read-only"),
        errno.EISDIR: _("it is a folder"),
        errno.ENOTDIR: _("a part of the path is not a folder"),
    }
    return reasons.get(exc.errno, exc.strerror or str(exc))


def check_target(path: Path) -> None:
    """Refuse a target that is a folder or a device, or that lies under a missing folder."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise WriteError(path, _reason(exc)) from exc
    if info is not None and not stat.S_ISLNK(info.st_mode):
        if stat.S_ISDIR(info.st_mode):
            raise WriteError(path, _("it is a folder; give a file name"))
        if not stat.S_ISREG(info.st_mode):
            raise WriteError(path, _("it is not a regular file (a device or a pipe)"))
    parent = path.parent
    if not parent.is_dir():
        raise WriteError(path, _("the folder {folder} does not exist").format(folder=parent))


def _alive(pid: int) -> bool | None:
    """Whether a process runs; None where that cannot be asked safely (Windows' os.kill ends it)."""
    if os.name == "nt":
        return None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def remove_stale(path: Path) -> None:
    """Remove the temporary files that killed writes to ``path`` left behind."""
    for leftover in path.parent.glob(f".{path.name}.*{SUFFIX}"):
        parts = leftover.name[len(path.name) + 2:].split(".")
        pid = int(parts[0]) if parts and parts[0].isdigit() else None
        alive = _alive(pid) if pid is not None else None
        try:
            if alive is False or (alive is None and time.time() - leftover.stat().st_mtime > STALE_AFTER):
                if leftover.is_dir() and not leftover.is_symlink():
                    shutil.rmtree(leftover)
                else:
                    leftover.unlink()
        except OSError:
            pass


@contextmanager
def atomic_write(path: str | os.PathLike, mode: str = "w", encoding: str | None = "utf-8",
                 newline: str | None = None, exclusive: bool = False) -> Iterator[IO]:
    """Open a temporary file for writing; on leaving the block without error it replaces ``path``.

    ``mode`` is ``"w"`` (text, in ``encoding``) or ``"wb"``. Any failure removes the temporary
    file, leaves the old ``path`` as it was and raises :class:`WriteError` naming the path.
    ``exclusive``: ``path`` must not exist; it appears whole or not at all, and where another
    process made it first, :class:`FileExistsError` is raised and that file is left as it is (a
    hard link, atomic like ``O_EXCL``, in place of the rename).
    """
    target = Path(path)
    check_target(target)
    remove_stale(target)
    try:
        fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}.", suffix=SUFFIX, dir=target.parent)
    except OSError as exc:
        raise WriteError(target, _reason(exc)) from exc
    try:
        binary = "b" in mode
        with os.fdopen(fd, "wb" if binary else "w", encoding=None if binary else encoding,
                       newline=None if binary else newline) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        if exclusive:
            try:
                os.link(temporary, target)
            finally:
                Path(temporary).unlink(missing_ok=True)
        else:
            os.replace(temporary, target)
    except FileExistsError:
        Path(temporary).unlink(missing_ok=True)
        raise
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise WriteError(target, _reason(exc)) from exc
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


@contextmanager
def atomic_path(path: str | os.PathLike) -> Iterator[Path]:
    """A temporary path beside ``path`` for a writer that opens files itself (a database); on
    leaving the block without error the file there is made 0600, fsynced and renamed over ``path``.
    The path lies in a new folder only its owner may enter (the writer creates its file with the
    process's umask), removed afterwards. Failures are handled as in :func:`atomic_write`."""
    target = Path(path)
    check_target(target)
    remove_stale(target)
    try:
        folder = Path(tempfile.mkdtemp(prefix=f".{target.name}.{os.getpid()}.", suffix=SUFFIX, dir=target.parent))
    except OSError as exc:
        raise WriteError(target, _reason(exc)) from exc
    temporary = folder / target.name
    try:
        yield temporary
        os.chmod(temporary, 0o600)
        fd = os.open(temporary, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temporary, target)
    except OSError as exc:
        raise WriteError(target, _reason(exc)) from exc
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def save_workbook(workbook, path: str | os.PathLike) -> None:
    """Save an openpyxl workbook through :func:`atomic_write`, every cell that would be a formula
    stored as the text it is: partygraph writes no formulas, and a name such as
    ``=HYPERLINK(...)`` from a register must not run when the workbook is opened. (Text starting
    with ``+ - @`` is stored as text by openpyxl already; Excel runs only what it parses itself.)"""
    for sheet in workbook.worksheets:
        for cell in sheet._cells.values():          # the cells that exist, not the whole used range
            if cell.data_type == "f":
                cell.data_type = "s"
    with atomic_write(path, mode="wb") as handle:
        workbook.save(handle)


def write_text(path: str | os.PathLike, text: str, encoding: str = "utf-8") -> None:
    """Write ``text`` to ``path`` through :func:`atomic_write`."""
    with atomic_write(path, encoding=encoding) as out:
        out.write(text)


def make_folder(path: str | os.PathLike) -> Path:
    """A folder for several files (a CSV export): created if its parent exists, refused if a file."""
    folder = Path(path)
    if folder.exists() and not folder.is_dir():
        raise WriteError(folder, _("it is a file, not a folder"))
    if not folder.parent.is_dir():
        raise WriteError(folder, _("the folder {folder} does not exist").format(folder=folder.parent))
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
    except OSError as exc:
        raise WriteError(folder, _reason(exc)) from exc
    return folder
