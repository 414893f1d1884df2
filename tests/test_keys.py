"""Secret keys: made once and atomically, never overwritten, and refused when damaged."""

import multiprocessing

import pytest

from partygraph.errors import UsageError
from partygraph.export import pseudonym_key
from partygraph.keys import kept_key


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("PARTYGRAPH_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("PARTYGRAPH_ID_KEY", raising=False)
    monkeypatch.delenv("PARTYGRAPH_PSEUDONYM_KEY", raising=False)
    return tmp_path / "home"


def test_two_exports_in_the_same_second_keep_two_keys(home):
    made = [pseudonym_key(None, "x.json") for _ in range(5)]
    paths = [path for _secret, path in made]
    assert len(set(paths)) == 5
    for secret, path in made:
        assert path.read_text(encoding="ascii").strip().encode("ascii") == secret


@pytest.mark.parametrize("content", ["", "\n", "3f2a", "3f2a" * 15 + "\n"])
def test_an_empty_or_truncated_id_key_is_refused_with_how_to_restore_it(home, content):
    key = kept_key("id", "PARTYGRAPH_ID_KEY")
    assert key.created and len(key.secret) == 64
    (home / "id.key").write_text(content, encoding="ascii")
    with pytest.raises(UsageError) as raised:
        kept_key("id", "PARTYGRAPH_ID_KEY")
    assert "restore it from a backup" in str(raised.value) and "PARTYGRAPH_ID_KEY" in str(raised.value)


def test_an_empty_key_file_given_for_an_export_is_refused(home, tmp_path):
    (tmp_path / "k.key").write_text("", encoding="utf-8")
    with pytest.raises(UsageError):
        pseudonym_key(tmp_path / "k.key", "x.json")


def _make(home: str, queue) -> None:
    import os

    os.environ["PARTYGRAPH_HOME"] = home
    queue.put(kept_key("id", "PARTYGRAPH_ID_KEY").secret)


def test_processes_racing_to_make_the_key_all_get_the_one_kept(home):
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    workers = [context.Process(target=_make, args=(str(home), queue)) for _ in range(12)]
    for worker in workers:
        worker.start()
    secrets = {queue.get(timeout=60) for _ in workers}
    for worker in workers:
        worker.join(60)
    assert secrets == {(home / "id.key").read_text(encoding="ascii").strip().encode("ascii")}
