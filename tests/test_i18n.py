"""The Chinese catalogue covers every message in the code, and the shipped .mo is compiled from it."""

import io
import os
import re
import subprocess
import sys
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

PACKAGE = Path(__file__).resolve().parent.parent / "partygraph"
PO = PACKAGE / "locale" / "zh_CN" / "LC_MESSAGES" / "partygraph.po"
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}


def catalogue():
    with open(PO, "rb") as handle:
        return read_po(handle)


def test_every_message_in_the_code_has_a_chinese_translation():
    marked = {(context, message if isinstance(message, str) else message[0])
              for _, _, message, _, context in extract_from_dir(str(PACKAGE), keywords=KEYWORDS)}
    translated = {(m.context, m.id) for m in catalogue() if m.id and m.string}
    assert marked - translated == set()


def test_translations_keep_every_placeholder():
    for message in catalogue():
        if message.id:
            assert set(re.findall(r"\{[^{}]+\}", message.id)) == set(re.findall(r"\{[^{}]+\}", message.string)), message.id


def test_the_shipped_mo_is_compiled_from_the_po():
    compiled = io.BytesIO()
    write_mo(compiled, catalogue())
    assert (PO.with_suffix(".mo")).read_bytes() == compiled.getvalue()


def test_help_is_chinese_by_default_and_english_on_request():
    env = {k: v for k, v in os.environ.items() if k != "PARTYGRAPH_LANG"}
    chinese = subprocess.run([sys.executable, "-m", "partygraph", "--help"], capture_output=True, text=True, env=env)
    english = subprocess.run([sys.executable, "-m", "partygraph", "--lang", "en", "--help"], capture_output=True,
                             text=True, env=env)
    assert "把党组织、党员和企业做成关系图" in chinese.stdout
    assert "Party organizations, members and enterprises as a graph" in english.stdout
    variable = subprocess.run([sys.executable, "-m", "partygraph", "load", "--help"], capture_output=True, text=True,
                              env={**env, "PARTYGRAPH_LANG": "en"})
    assert "Keep DATASET as the register of a date" in variable.stdout


def test_library_errors_and_reports_are_chinese_by_default(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "PARTYGRAPH_LANG"}
    missing = subprocess.run([sys.executable, "-m", "partygraph", "stats", "--store", str(tmp_path / "none.pgstore")],
                             capture_output=True, text=True, env=env)
    assert missing.returncode == 1 and "处没有库；请先运行 'partygraph load DATASET'" in missing.stderr
    demo = subprocess.run([sys.executable, "-m", "partygraph", "demo"], capture_output=True, text=True, env=env,
                          cwd=tmp_path)
    assert demo.returncode == 0
    assert "未实现组织覆盖的企业" in demo.stdout and "正式党员数" in demo.stdout and "依据：" in demo.stdout
    assert "节点  党组织" in demo.stdout           # the counts table names kinds and labels in Chinese
