"""Hostile inputs and faults: each is one message, the right exit status, no traceback, and
nothing changed (the store and any old output byte-identical)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from partygraph.cli import main
from partygraph.graph.embedded import EmbeddedStore
from partygraph.loaders import load_dataset
from tests.adversarial.corpus import DAMAGED, zip_bomb
from tests.conftest import write_csv


@pytest.fixture
def run():
    def invoke(*args):
        return CliRunner().invoke(main, ["--lang", "en", *map(str, args)])
    return invoke


@pytest.fixture
def store(tmp_path, minimal) -> Path:
    path = tmp_path / "s.pgstore"
    EmbeddedStore(path).replace(load_dataset(minimal))
    return path


def one_message(result, status: int, *texts: str) -> None:
    assert result.exit_code == status, result.output
    assert "Traceback" not in result.output
    for text in texts:
        assert text in result.output


# -- damaged store files ---------------------------------------------------------------------

@pytest.mark.parametrize("kind", sorted(DAMAGED))
def test_a_damaged_store_file_is_one_message(run, tmp_path, kind):
    path = tmp_path / "bad.pgstore"
    path.write_bytes(DAMAGED[kind])
    for command in (["stats"], ["gaps", "enterprises"]):
        result = run(*command, "--store", path)
        one_message(result, 1, str(path))
        assert "not a partygraph store" in result.output
    assert path.read_bytes() == DAMAGED[kind]


# -- secrets ---------------------------------------------------------------------------------

def test_a_password_in_the_uri_is_never_printed(run):
    for debug in ([], ["--debug"]):
        result = CliRunner().invoke(main, ["--lang", "en", *debug, "stats", "--neo4j", "neo4j://neo4j:hunter2secret@127.0.0.1:1"])
        one_message(result, 1, "NEO4J_PASSWORD", "neo4j://***@127.0.0.1:1") if not debug else None
        assert result.exit_code == 1
        assert "hunter2secret" not in result.output


def test_an_aura_version_string_is_read():
    from partygraph.graph.neo4j_store import MIN_VERSION, server_version

    assert server_version("5.27-aura") >= MIN_VERSION
    assert server_version("5.12.0") < MIN_VERSION


# -- usage errors come before any work (exit 2) ------------------------------------------------

@pytest.mark.parametrize("args", [["gaps", "members", "--as-of", "2026-02-30"], ["coverage", "--base", "half"],
                                  ["draw", "--out", "x.html", "--as-of", "soon"]])
def test_bad_options_are_usage_errors_before_the_store_is_opened(run, tmp_path, args):
    missing = tmp_path / "never.pgstore"
    result = run(*args, "--store", missing)
    assert result.exit_code == 2 and not missing.exists() and "there is no store" not in result.output


def test_an_explicit_store_beats_the_neo4j_variable(run, store, monkeypatch):
    monkeypatch.setenv("PARTYGRAPH_NEO4J_URI", "neo4j://127.0.0.1:1")
    result = run("stats", "--store", store, "--format", "json")
    assert result.exit_code == 0 and json.loads(result.output)
    one_message(run("stats", "--store", store, "--neo4j", "neo4j://127.0.0.1:1"), 2, "not both")


# -- numbers in range, on both stores ----------------------------------------------------------

@pytest.mark.parametrize("store_kind", ["embedded", "neo4j"])
def test_numbers_beyond_64_bits_or_negative_are_errors_and_change_nothing(tmp_path, minimal, request, store_kind):
    from partygraph.errors import DatasetError

    target = EmbeddedStore(tmp_path / "t.pgstore") if store_kind == "embedded" else request.getfixturevalue("neo4j_store")
    target.replace(load_dataset(minimal))
    before = target.read()
    write_csv(minimal, "enterprises.csv", [["id", "name", "building_id", "employees"],
                                           ["E1", "甲", "B1", str(10 ** 30)], ["E2", "乙", "B1", "-5"]])
    with pytest.raises(DatasetError) as caught:
        target.replace(load_dataset(minimal))
    assert {(p.row, p.column) for p in caught.value.problems if p.severity == "error"} == {(2, "employees"),
                                                                                           (3, "employees")}
    assert target.read() == before


# -- exports keep values exact; CSV cannot execute -----------------------------------------------

def test_gexf_and_graphml_keep_markup_characters_exact(tmp_path, minimal):
    import networkx as nx

    from partygraph.export import export

    write_csv(minimal, "buildings.csv", [["id", "name", "area_id", "address"], ["B1", "楼", "A1", "A&B <路> \"1\""]])
    store = EmbeddedStore(tmp_path / "s.pgstore")
    store.replace(load_dataset(minimal))
    for fmt, read in (("gexf", nx.read_gexf), ("graphml", nx.read_graphml)):
        export(store, fmt, tmp_path / f"g.{fmt}", key=b"k" * 16)
        assert read(tmp_path / f"g.{fmt}").nodes["Building:B1"]["address"] == "A&B <路> \"1\""


def test_every_csv_partygraph_writes_neutralises_formulas(run, tmp_path, minimal):
    write_csv(minimal, "enterprises.csv", [["id", "name", "building_id"], ["E1", "宁夏星浩建设集团", "B1"], ["E3", "=HYPERLINK(\"x\")", "B1"],
                                           ["E2", "@SUM(1)", "B1"]])
    store = tmp_path / "s.pgstore"
    assert run("load", minimal, "--store", store).exit_code == 0
    report = run("gaps", "enterprises", "--store", store, "--format", "csv").output
    assert "'=HYPERLINK" in report and "'@SUM(1)" in report and "\n=" not in report
    run("export", "--store", store, "--format", "csv", "--out", tmp_path / "out", "--no-pseudonymize")
    nodes = (tmp_path / "out" / "nodes.csv").read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK" in nodes and ",=" not in nodes
    write_csv(minimal, "areas.csv", [["id", "name", "kind"], ["A1", "街", "-1+2"]])
    problems = run("validate", minimal, "--format", "csv").output
    assert "'-1+2" in problems


# -- decoding --------------------------------------------------------------------------------

def test_a_utf8_file_cut_in_a_character_is_an_error_naming_the_row_not_mojibake(tmp_path, minimal):
    from partygraph.loaders import validate_dataset

    raw = "id,name,kind\nA1,上海西路街道,街道\nA2,城东街道,街道\n".encode("utf-8")
    cut = raw.index("城".encode()) + 1
    (minimal / "areas.csv").write_bytes(raw[:cut] + raw[cut + 2:])
    report = validate_dataset(minimal)
    [problem] = [p for p in report.errors if p.source == "areas.csv"]
    assert "row 3" in problem.message and "utf-8" in problem.message
    assert report.data is None


def test_an_encoding_can_be_named(tmp_path, minimal):
    from partygraph.loaders import validate_dataset

    (minimal / "areas.csv").write_bytes("id,name,kind\nA1,上海西路街道,街道\n".encode("gbk"))
    assert validate_dataset(minimal).data.nodes["Area"]["A1"]["name"] == "上海西路街道"
    assert not validate_dataset(minimal, encoding="big5").ok


# -- bounded input -----------------------------------------------------------------------------

def test_a_device_or_a_fifo_is_refused_at_once(tmp_path):
    from partygraph.loaders import validate_dataset

    fifo = tmp_path / "register.xlsx"
    os.mkfifo(fifo)
    for path in (Path("/dev/zero"), fifo):
        report = validate_dataset(path)
        assert not report.ok and "not a regular file" in report.errors[0].message


def test_a_zip_bomb_workbook_is_refused_before_it_is_inflated(tmp_path):
    from partygraph.loaders import validate_dataset

    bomb = zip_bomb(tmp_path / "bomb.xlsx", inflated_mib=80)
    report = validate_dataset(bomb, max_bytes=64 << 20)
    [problem] = report.errors
    assert "inflate to more than the limit" in problem.message and "sheet1.xml" in problem.message
    assert bomb.stat().st_size < 1 << 20


def test_a_million_unknown_columns_are_one_warning(tmp_path, minimal):
    from partygraph.loaders import validate_dataset

    header = ["id", "name", "kind"] + [f"x{i}" for i in range(100_000)]
    write_csv(minimal, "areas.csv", [header, ["A1", "街", "街道"]])
    report = validate_dataset(minimal)
    unknown = [p for p in report.warnings if p.source == "areas.csv"]
    assert len(unknown) == 21 and "99980 more unknown columns" in unknown[-1].message


# -- Neo4j: a second load is refused while the first holds the lock -----------------------------

@pytest.mark.neo4j
def test_a_second_load_is_refused_naming_the_first(neo4j_store, minimal):
    neo4j_store.replace(load_dataset(minimal))
    token, _cut, _layout = neo4j_store._take_lock([])        # a load of this (live) process is running
    try:
        from partygraph.errors import StoreError

        with pytest.raises(StoreError, match=rf"another load .* process {os.getpid()}"):
            neo4j_store.replace(load_dataset(minimal))
    finally:
        neo4j_store._release_lock(token)
    neo4j_store.replace(load_dataset(minimal))               # released: the next load goes through


@pytest.mark.neo4j
def test_a_lock_left_by_a_killed_load_is_taken_over(neo4j_store, minimal):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    import socket

    neo4j_store._write("MERGE (l:PartygraphMeta {id: 'lock'}) SET l.holder = 'x', l.host = $host, l.pid = $pid, "
                       "l.since = datetime()", host=socket.gethostname(), pid=int(dead.stdout))
    neo4j_store.replace(load_dataset(minimal))
    assert neo4j_store.counts()["Member"] == 3


def test_an_unreachable_server_is_one_message(run):
    one_message(run("stats", "--neo4j", "neo4j://127.0.0.1:1"), 1, "cannot reach Neo4j at neo4j://127.0.0.1:1")


# -- every command that writes a file: bad targets are one message, old files intact ------------

WRITERS = {
    "draw": ["draw", "--scope", "A1"],
    "export gexf": ["export", "--format", "gexf"],
    "export graphml": ["export", "--format", "graphml"],
    "export json": ["export", "--format", "json"],
    "template": ["template"],
}


@pytest.mark.parametrize("command", sorted(WRITERS))
@pytest.mark.parametrize("target, reason", [("folder", "it is a folder"), ("missing/out.x", "does not exist"),
                                            ("/dev/null", "not a regular file")])
def test_a_bad_output_target_is_one_message(run, store, tmp_path, command, target, reason):
    (tmp_path / "folder").mkdir()
    out = target if target.startswith("/") else tmp_path / target
    args = WRITERS[command] + ["--out", out] + ([] if command == "template" else ["--store", store])
    result = run(*args)
    one_message(result, 1, str(out), reason)
    assert not (tmp_path / "missing").exists() and list((tmp_path / "folder").iterdir()) == []


@pytest.mark.parametrize("command", sorted(WRITERS))
def test_an_output_through_a_symlink_replaces_the_link_not_its_target(run, store, tmp_path, command):
    victim = tmp_path / "victim.txt"
    victim.write_text("keep")
    link = tmp_path / "out.file"
    link.symlink_to(victim)
    args = WRITERS[command] + ["--out", link] + ([] if command == "template" else ["--store", store])
    assert run(*args).exit_code == 0
    assert victim.read_text() == "keep" and not link.is_symlink()
    assert link.stat().st_mode & 0o777 == 0o600


# -- damaged workbooks: errors naming the sheet, never a crash -------------------------------------

@pytest.mark.parametrize("change, expected", [
    (lambda xml: xml[: len(xml) // 2], "the sheet cannot be read, it is damaged"),
    (lambda xml: xml.replace(b' r="A5"', b' r="ZZZZZZ99999999"', 1), "beyond Excel's limits (ZZZZZZ99999999)"),
    (lambda xml: xml.replace(b' r="A5"', b' r="XFD1048576"', 1), "1048576 rows by 16384 columns"),
])
def test_a_damaged_sheet_is_an_error_naming_it(tmp_path, change, expected):
    """Forged references used to end the process inside the Rust reader (it allocates the whole range)."""
    from partygraph.loaders.office import office_copy

    from tests.adversarial.corpus import damaged_workbook
    from tests.conftest import SEED_CASES

    office_copy(SEED_CASES, tmp_path / "ok.xlsx")
    bad = damaged_workbook(tmp_path / "ok.xlsx", tmp_path / "bad.xlsx", "xl/worksheets/sheet3.xml", change)
    env = {**os.environ, "PARTYGRAPH_LANG": "en"}
    done = subprocess.run([sys.executable, "-m", "partygraph", "validate", str(bad)], capture_output=True, text=True,
                          env=env)
    assert done.returncode == 1 and "Traceback" not in done.stderr + done.stdout and "panicked" not in done.stderr
    assert "楼宇" in done.stderr and expected in done.stderr


class CuttableProxy:
    """A TCP proxy on loopback in front of the test's Neo4j that, once the client has sent
    ``cut_after`` bytes, drops every connection and stops listening: the server, as the client
    sees it, dies in the middle of a command."""

    def __init__(self, target_port: int, cut_after: int) -> None:
        import socket
        import threading

        self.target_port = target_port
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.sockets: list = []
        self.open = True
        self.cut_after, self.sent = cut_after, 0
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        import socket
        import threading

        while self.open:
            try:
                client, _address = self.listener.accept()
            except OSError:
                return
            server = socket.create_connection(("127.0.0.1", self.target_port))
            self.sockets += [client, server]
            threading.Thread(target=self._pipe, args=(client, server, True), daemon=True).start()
            threading.Thread(target=self._pipe, args=(server, client, False), daemon=True).start()

    def _pipe(self, source, target, upstream: bool) -> None:
        try:
            while data := source.recv(65536):
                target.sendall(data)
                if upstream:
                    self.sent += len(data)
                    if self.sent > self.cut_after:
                        self.cut()
                        return
        except OSError:
            pass

    def cut(self) -> None:
        import socket

        self.open = False
        self.listener.close()
        for sock in self.sockets:
            try:
                sock.shutdown(socket.SHUT_RDWR)
                sock.close()
            except OSError:
                pass


@pytest.mark.neo4j
def test_a_server_lost_in_the_middle_of_a_load_is_one_message(neo4j_env, neo4j_store, tmp_path):
    from partygraph.loaders.generate import generate_city

    generate_city(tmp_path / "city", enterprises=4000, seed=5)
    proxy = CuttableProxy(int(neo4j_env.rsplit(":", 1)[1]), cut_after=300_000)
    env = {**os.environ, "PARTYGRAPH_LANG": "en"}
    load = subprocess.Popen([sys.executable, "-m", "partygraph", "load", str(tmp_path / "city"),
                             "--neo4j", f"bolt://127.0.0.1:{proxy.port}"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env)
    out, err = load.communicate(timeout=120)
    assert load.returncode == 1 and "Traceback" not in err, (proxy.sent, err)
    assert proxy.sent > 300_000                                  # the load was under way when it was cut
    assert err.count("partygraph:") == 1 and f"127.0.0.1:{proxy.port}" in err
    with pytest.raises(Exception, match="did not finish"):
        neo4j_store.check_complete()


@pytest.mark.parametrize("args, status", [(["stats"], 0), (["gaps", "enterprises", "--place", "nowhere"], 1)])
def test_the_store_is_closed_however_a_command_ends(run, store, monkeypatch, args, status):
    import partygraph.graph.store as stores

    closed = []
    real_open = stores.open_store

    def recording_open(**kwargs):
        opened = real_open(**kwargs)
        monkeypatch.setattr(opened, "close", lambda: closed.append(True), raising=False)
        return opened

    monkeypatch.setattr(stores, "open_store", recording_open)
    assert run(*args, "--store", store).exit_code == status
    assert closed == [True]


@pytest.mark.parametrize("part", ["xl/worksheets/sheet1.xml", "xl/sharedStrings.xml"])
def test_a_workbook_that_inflates_a_hundredfold_is_refused_under_the_size_limit(tmp_path, part):
    """Apache POI's minimum inflate ratio (0.01): 200 MiB of blanks from a few hundred KiB, well
    under the 2 GiB size limit, is refused before calamine inflates it."""
    import resource

    from partygraph.loaders import validate_dataset

    bomb = zip_bomb(tmp_path / "bomb.xlsx", inflated_mib=200, part=part)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    report = validate_dataset(bomb)
    [problem] = report.errors
    assert "zip bomb" in problem.message and part in problem.message
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 100 << 10      # KiB: nothing was inflated


def test_an_office_register_keeps_within_the_ratio(tmp_path):
    from partygraph.loaders import validate_dataset
    from partygraph.loaders.generate import generate_city
    from partygraph.loaders.office import office_copy

    generate_city(tmp_path / "city", enterprises=3000, seed=2)
    report = validate_dataset(office_copy(tmp_path / "city", tmp_path / "台账.xlsx"))
    assert report.ok, report.errors[:3]


def test_a_workbook_with_a_damaged_central_directory_is_one_message(tmp_path):
    from partygraph.loaders import validate_dataset
    from partygraph.loaders.template import write_template

    whole = write_template(tmp_path / "t.xlsx").read_bytes()
    end = whole.rfind(b"PK\x05\x06")
    damaged = bytearray(whole)
    damaged[end + 16:end + 20] = (len(whole) - 200).to_bytes(4, "little")     # the directory's offset, wrong
    (tmp_path / "d.xlsx").write_bytes(bytes(damaged))
    report = validate_dataset(tmp_path / "d.xlsx")
    [problem] = report.errors
    assert "damaged" in problem.message
