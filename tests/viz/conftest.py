"""Pages opened in the real headless Chromium of ``tests/conftest.py``'s ``browser`` fixture."""

import pytest


class Visit:
    """A page opened from a file, with every request and dialog it made."""

    def __init__(self, browser, path) -> None:
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.page = browser.new_page(viewport={"width": 1400, "height": 900})
        self.page.on("dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss()))
        self.page.route("**/*", self._route)
        self.url = path.resolve().as_uri()
        self.page.goto(self.url)
        self.page.wait_for_function("window.partygraphDrawn === true", timeout=30000)

    def _route(self, route) -> None:
        if route.request.url == self.url:
            route.continue_()
        else:
            self.requests.append(route.request.url)
            route.abort()


@pytest.fixture
def visit(browser):
    opened = []

    def open_page(path):
        opened.append(Visit(browser, path))
        return opened[-1]
    yield open_page
    for v in opened:
        v.page.close()
