"""Every file is written whole or not at all, 0600, never through a symlink (partygraph/files.py)."""

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from partygraph.errors import WriteError
from partygraph.files import SUFFIX, atomic_write, make_folder, write_text


def leftovers(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.name.endswith(SUFFIX)]


def test_a_new_file_is_readable_by_its_owner_only(tmp_path):
    write_text(tmp_path / "a.html", "x")
    assert (tmp_path / "a.html").stat().st_mode & 0o777 == 0o600


def test_a_symlink_at_the_target_is_replaced_not_written_through(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    (tmp_path / "out.txt").symlink_to(victim)
    write_text(tmp_path / "out.txt", "new")
    assert victim.read_text() == "keep me"
    assert not (tmp_path / "out.txt").is_symlink() and (tmp_path / "out.txt").read_text() == "new"


@pytest.mark.parametrize("target, reason", [
    ("folder", "folder"), ("missing/a.txt", "does not exist"), ("/dev/null", "not a regular file")])
def test_targets_that_are_not_files_are_refused_by_name(tmp_path, target, reason):
    from partygraph.i18n import set_language

    set_language("en")
    (tmp_path / "folder").mkdir()
    path = Path(target) if target.startswith("/") else tmp_path / target
    with pytest.raises(WriteError) as caught:
        write_text(path, "x")
    assert str(path) in str(caught.value) and reason in str(caught.value)
    assert Path("/dev/null").is_char_device()


def test_a_failure_while_writing_leaves_the_old_file_and_no_temporary(tmp_path):
    target = tmp_path / "store.pgstore"
    target.write_text("old")
    with pytest.raises(WriteError) as caught:
        with atomic_write(target) as out:
            out.write("half")
            raise OSError(errno.ENOSPC, "No space left on device")
    assert target.read_text() == "old" and not leftovers(tmp_path)
    assert caught.value.path == target


def test_a_file_size_limit_is_one_message_and_the_old_file_stays(tmp_path):
    """A real EFBIG: the child process may write at most 1 KiB."""
    target = tmp_path / "big.json"
    target.write_text("old")
    script = (
        "import resource, signal, sys\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (1024, 1024))\n"
        "from partygraph.i18n import set_language; set_language('en')\n"
        "from partygraph.files import write_text\n"
        "from partygraph.errors import WriteError\n"
        "try:\n    write_text(sys.argv[1], 'x' * 100000)\n"
        "except WriteError as e:\n    print(e); sys.exit(1)\n")
    done = subprocess.run([sys.executable, "-c", script, str(target)], capture_output=True, text=True)
    assert done.returncode == 1, done.stderr
    assert "larger than this system allows" in done.stdout and "Traceback" not in done.stderr
    assert target.read_text() == "old" and not leftovers(tmp_path)


def test_a_killed_write_leaves_a_temporary_that_the_next_write_removes(tmp_path):
    target = tmp_path / "out.gexf"
    child = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead = int(child.stdout)
    stale = tmp_path / f".out.gexf.{dead}.abc{SUFFIX}"
    stale.write_text("members' data")
    mine = tmp_path / f".out.gexf.{os.getpid()}.xyz{SUFFIX}"      # a write still under way: kept
    mine.write_text("in progress")
    write_text(target, "new")
    assert not stale.exists() and mine.exists()


def test_make_folder_refuses_a_file(tmp_path):
    (tmp_path / "f").write_text("x")
    with pytest.raises(WriteError):
        make_folder(tmp_path / "f")
    assert make_folder(tmp_path / "d").is_dir()


def test_rows_that_cannot_be_written_to_a_temporary_file_are_one_message(tmp_path):
    """Where there are no named pipes (Windows), every row as JSON goes through a temporary file
    that DuckDB writes: a real EFBIG there is one message. With a pipe, the limit meets standard
    output instead: one message too."""
    from partygraph.graph.embedded import EmbeddedStore
    from partygraph.loaders import load_dataset
    from tests.conftest import SEED_CASES

    store = tmp_path / "s.pgstore"
    EmbeddedStore(store).replace(load_dataset(SEED_CASES))
    script = (
        "import os, resource, signal, sys\n"
        "if sys.argv[2] == 'file':\n"
        "    del os.mkfifo\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (1024, 1024))\n"
        "from partygraph.cli import main\n"
        "main(['--lang', 'en', 'gaps', 'enterprises', '--format', 'json', '--store', sys.argv[1]])\n")
    done = subprocess.run([sys.executable, "-c", script, str(store), "file"], capture_output=True, text=True)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "cannot write the rows to a temporary file" in done.stderr and done.stdout == ""
    with open(tmp_path / "out.json", "wb") as out:
        piped = subprocess.run([sys.executable, "-c", script, str(store), "pipe"], stdout=out, stderr=subprocess.PIPE,
                               text=True)
    assert piped.returncode == 1 and piped.stderr.strip() == "partygraph: File too large"