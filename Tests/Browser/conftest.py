"""Browser tests: build sites with the real `trellis`, serve them on 127.0.0.1, open them in
Debian's headless Chromium through Playwright. Nothing may leave 127.0.0.1."""
import functools
import http.server
import os
import pathlib
import shutil
import subprocess
import tempfile
import threading

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


def trellis_binary():
    """The debug `trellis` built by `swift build` (TRELLIS may name another)."""
    explicit = os.environ.get("TRELLIS")
    if explicit:
        return explicit
    for candidate in (ROOT / ".build/debug/trellis", ROOT / ".build/release/trellis"):
        if candidate.exists():
            return str(candidate)
    pytest.fail("no trellis binary: run `swift build` first (or set TRELLIS)")


def build(site, output, now=None, extra=()):
    """Builds `site` into `output` with `--now`; fails the test with trellis's errors."""
    command = [trellis_binary(), "build", "--site", str(site), "--output", str(output)]
    if now:
        command += ["--now", now]
    command += list(extra)
    result = subprocess.run(command, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def serve():
    """serve(folder) -> base URL of the folder served on 127.0.0.1 on a free port."""
    servers = []

    def start(folder):
        handler = functools.partial(_Quiet, directory=str(folder))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture
def workdir():
    folder = pathlib.Path(tempfile.mkdtemp(prefix="trellis-browser-"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True,
            args=["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"])
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser):
    """new_page(origin, **context options) -> a page whose requests outside origin are aborted,
    and whose JavaScript errors are collected in page.errors."""
    contexts = []

    def make(origin, **options):
        context = browser.new_context(**options)
        context.route(lambda url: not url.startswith(origin), lambda route: route.abort("blockedbyclient"))
        contexts.append(context)
        page = context.new_page()
        page.errors = []
        page.on("pageerror", lambda error: page.errors.append(str(error)))
        return page

    yield make
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def built():
    """built(name) -> folder holding that site (see sites.py) built at its fixed --now, once per session."""
    from sites import SITES
    root = pathlib.Path(tempfile.mkdtemp(prefix="trellis-sites-"))
    done = {}

    def get(name):
        if name not in done:
            site, now, _ = SITES[name]
            output = root / name
            build(site, output, now=now)
            done[name] = output
        return done[name]

    yield get
    shutil.rmtree(root, ignore_errors=True)


class _Server:
    """Serves one folder under a URL prefix (the base path of the site's base_url)."""

    def __init__(self, folder, prefix):
        prefix = prefix.rstrip("/") + "/"

        class Handler(_Quiet):
            def translate_path(self, path):
                if path.startswith(prefix):
                    path = "/" + path[len(prefix):]
                elif path != "/":
                    return str(folder / "no-such-file")
                return super().translate_path(path)

            def send_error(self, code, message=None, explain=None):
                not_found = folder / "404.html"
                if code == 404 and not_found.exists():
                    body = not_found.read_bytes()
                    self.send_response(404)
                    self.send_header("Content-Type", "text/html; charset=utf-8")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                    return
                super().send_error(code, message, explain)

        handler = functools.partial(Handler, directory=str(folder))
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.origin = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.base = self.origin + prefix


@pytest.fixture(scope="session")
def served(built):
    """served(name) -> (origin, base URL) of that site served under its base path on 127.0.0.1."""
    from sites import SITES
    servers = {}

    def get(name):
        if name not in servers:
            servers[name] = _Server(built(name), SITES[name][2])
        return servers[name].origin, servers[name].base

    yield get
    for server in servers.values():
        server.server.shutdown()
        server.server.server_close()
