"""Tests and doctests read messages in English unless a test asks for Chinese (the default for users)."""

import os

os.environ["PARTYGRAPH_LANG"] = "en"
