"""Publishing: the deploy recipes, --base-url, hashed theme assets, and the built site served
by Debian's nginx with deploy/security-headers.conf, loaded in Chromium with the policy enforced."""
import pathlib
import re
import shutil
import socket
import subprocess
import time

import pytest
import yaml

from conftest import build
from sites import EXAMPLE_PAGES, SITES

ROOT = pathlib.Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"


def test_workflow_and_pipeline_parse_and_run_the_commands_the_readme_gives():
    readme = (ROOT / "README.md").read_text()
    for recipe in [DEPLOY / "github/pages.yml", DEPLOY / "gitlab/.gitlab-ci.yml"]:
        document = yaml.safe_load(recipe.read_text())
        assert isinstance(document, dict), recipe
        text = recipe.read_text()
        for command in ["trellis build", "deploy/rebuild-due.sh", "swift build -c release --product trellis"]:
            assert command in text, f"{recipe.name} does not run {command}"
            assert command in readme, f"the README does not explain {command}"
    github = yaml.safe_load((DEPLOY / "github/pages.yml").read_text())
    triggers = github[True] if True in github else github["on"]  # YAML 1.1 reads `on:` as true
    assert "schedule" in triggers and "push" in triggers
    gitlab = yaml.safe_load((DEPLOY / "gitlab/.gitlab-ci.yml").read_text())
    assert "public" in gitlab["pages"]["artifacts"]["paths"]


def test_rebuild_due_reads_next_change(workdir):
    script = DEPLOY / "rebuild-due.sh"
    past, future = workdir / "past.json", workdir / "future.json"
    past.write_text('{"next_change":"2011-01-31T00:00:00+00:00","now":"2011-01-20T10:00:00+00:00"}\n')
    future.write_text('{"next_change":"2999-01-01T00:00:00+00:00","now":"2026-11-22T10:00:00+00:00"}\n')
    assert subprocess.run(["bash", str(script), str(past)], capture_output=True).returncode == 0
    assert subprocess.run(["bash", str(script), str(future)], capture_output=True).returncode == 1
    assert subprocess.run(["bash", str(script), str(workdir / "missing.json")], capture_output=True).returncode == 0


def read_tree(folder):
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def test_base_url_changes_every_absolute_url_and_nothing_else(workdir):
    site, now, _ = SITES["example"]
    first, second = workdir / "first", workdir / "second"
    # Addresses the content never mentions, so every change is the build's own; of one length,
    # so the sizes the /data/ page gives stay the same.
    build(site, first, now=now, extra=["--base-url", "https://one.example.org/alpha/"])
    build(site, second, now=now, extra=["--base-url", "https://two.example.net/gamma/"])
    one, two = read_tree(first), read_tree(second)
    assert one.keys() == two.keys()
    changed = 0
    for path, data in one.items():
        moved = data.replace(b"https://one.example.org/alpha/", b"https://two.example.net/gamma/")
        moved = moved.replace(b"one.example.org", b"two.example.net")  # hosts in feed ids and calendar UIDs
        if path == "404.html":
            moved = moved.replace(b'"/alpha/', b'"/gamma/')
        assert moved == two[path], f"{path} differs in more than its base URL"
        changed += data != two[path]
    assert changed > 50, "every page's canonical link should follow --base-url"
    assert b"https://two.example.net/gamma/sitemap.xml" in two["robots.txt"]


def test_hashed_asset_names_change_when_and_only_when_the_asset_changes(workdir):
    site = workdir / "site"
    shutil.copytree(SITES["fixture"][0] / "Content", site / "Content")
    first, second = workdir / "first", workdir / "second"
    build(site, first, now="2011-01-20")
    names = sorted(p.name for p in (first / "theme").iterdir())
    css = [n for n in names if re.fullmatch(r"style\.[0-9a-f]{10}\.css", n)]
    js = [n for n in names if re.fullmatch(r"trellis\.[0-9a-f]{10}\.js", n)]
    assert len(css) == 1 and len(js) == 1, names
    home = (first / "index.html").read_text()
    assert f"theme/{css[0]}" in home and f"theme/{js[0]}" in home
    build(site, second, now="2011-01-20")
    assert sorted(p.name for p in (second / "theme").iterdir()) == names, "same bytes, same names"
    # A site's own stylesheet overrides the built-in one: only the stylesheet's name changes.
    (site / "Themes/default/assets").mkdir(parents=True)
    (site / "Themes/default/assets/style.css").write_text((first / "theme" / css[0]).read_text() + "\n/* changed */\n")
    build(site, second, now="2011-01-20")
    changed = sorted(p.name for p in (second / "theme").iterdir())
    assert js[0] in changed and css[0] not in changed


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def nginx(workdir):
    """The example site built for http://127.0.0.1:PORT/ and served by nginx with the project's headers."""
    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    if not pathlib.Path(binary).exists():
        pytest.fail("nginx is missing: `make test` installs nginx-light")
    port = free_port()
    site = workdir / "public"
    build(SITES["example"][0], site, now=SITES["example"][1], extra=["--base-url", f"http://127.0.0.1:{port}/"])
    snippets = workdir / "snippets"
    snippets.mkdir()
    shutil.copy(DEPLOY / "security-headers.conf", snippets / "trellis-security-headers.conf")
    server = (DEPLOY / "nginx-site.conf").read_text()
    server = server.replace("listen 80;", f"listen 127.0.0.1:{port};").replace("/srv/trust/current", str(site))
    server = server.replace("/etc/nginx/snippets/", f"{snippets}/")
    (workdir / "logs").mkdir()
    config = workdir / "nginx.conf"
    config.write_text(f"""user root;
worker_processes 1;
pid {workdir}/nginx.pid;
error_log {workdir}/logs/error.log;
events {{ worker_connections 64; }}
http {{
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path {workdir}/body; proxy_temp_path {workdir}/proxy; fastcgi_temp_path {workdir}/fastcgi;
  uwsgi_temp_path {workdir}/uwsgi; scgi_temp_path {workdir}/scgi;
  {server}
}}
""")
    process = subprocess.Popen([binary, "-p", str(workdir), "-c", str(config), "-g", "daemon off;"],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            break
        except OSError:
            time.sleep(0.05)
    else:
        process.kill()
        pytest.fail("nginx did not start: " + process.stdout.read().decode())
    yield f"http://127.0.0.1:{port}", site
    process.terminate()
    process.wait(timeout=10)


CSP_WATCH = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
"""


def test_pages_work_under_the_strict_content_security_policy(nginx, new_page):
    origin, site = nginx
    page = new_page(origin)
    page.add_init_script(CSP_WATCH)
    console = []
    page.on("console", lambda message: console.append(message.text))
    failed = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.on("response", lambda response: response.status >= 400 and failed.append(f"{response.status} {response.url}"))
    paths = sorted(set(EXAMPLE_PAGES.values()) - {"404.html"})
    for path in paths:
        response = page.goto(f"{origin}/{path}")
        assert response.status == 200, path
        headers = response.headers
        assert "script-src 'self'" in headers["content-security-policy"]
        assert "unsafe-inline" not in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["cache-control"] == "no-cache"
        page.wait_for_load_state("networkidle")
        assert page.evaluate("window.__violations") == [], path
    assert [m for m in console if "Content Security Policy" in m or "Refused" in m] == []
    assert failed == []
    assert page.errors == []
    stylesheet = next((site / "theme").glob("style.*.css")).name
    asset = page.request.get(f"{origin}/theme/{stylesheet}")
    assert "immutable" in asset.headers["cache-control"]
    missing = page.goto(f"{origin}/no/such/page/")
    assert missing.status == 404 and "Page not found" in page.content()
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__violations") == []


def test_no_inline_script_style_or_event_handler_anywhere(built):
    for name in SITES:
        for path in built(name).rglob("*.html"):
            html = path.read_text()
            for tag in re.findall(r"<script\b[^>]*>", html):
                assert "src=" in tag or 'type="application/ld+json"' in tag, f"{path}: inline script {tag}"
            assert "<style" not in html, f"{path}: inline style element"
            assert not re.search(r"\sstyle=", html), f"{path}: style attribute"
            assert not re.search(r"\son[a-z]+\s*=", html), f"{path}: event handler attribute"
