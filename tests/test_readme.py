"""The README's examples stay true: its Chinese-header rows load as the seed cases' own rows."""

import re

from partygraph.loaders import load_dataset
from tests.conftest import ROOT, SEED_CASES, write_csv


def test_the_readme_rows_load_like_the_seed_cases(tmp_path):
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = dict(re.findall(r"`(organizations|members)\.csv`:\n\n```\n(.*?)```", text, re.S))
    assert set(blocks) == {"organizations", "members"}
    for name, body in blocks.items():
        (tmp_path / f"{name}.csv").write_text(body, encoding="gb18030")
    write_csv(tmp_path, "areas.csv", [["id", "name", "kind"], ["YK-HQ", "永康总部中心", "business_district"]])
    write_csv(tmp_path, "enterprises.csv", [["id", "name"], ["YK-E6", "佳信税务师事务所"], ["YK-E1", "宏伟公司"]])
    readme, seed = load_dataset(tmp_path), load_dataset(SEED_CASES)
    for label, ids in (("Organization", ["YK-C", "YK-O06"]), ("Member", ["M0293"])):
        for node_id in ids:
            given = readme.nodes[label][node_id]
            assert {k: v for k, v in seed.nodes[label][node_id].items() if k in given} == given


def commands(group=None, prefix: str = "partygraph"):
    """(``partygraph gaps members``, its click command) for every command of the CLI."""
    import click

    from partygraph.cli import main

    for name, command in (group or main).commands.items():
        if isinstance(command, click.Group):
            yield from commands(command, f"{prefix} {name}")
        else:
            yield f"{prefix} {name}", command


def test_every_command_is_in_the_readme():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [path for path, _command in commands() if f"`{path}" not in text]
    assert missing == []
