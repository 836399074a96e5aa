"""The documentation site in a real headless Chromium: every notebook has a page that loads without console errors,
internal links resolve, every figure the notebook saved is a loaded image, maths is typeset, search works, and each
exported public name has its API entry."""
import functools, http.server, json, re, shutil, threading
from pathlib import Path
from urllib.parse import urljoin, urlparse
import pytest
from conftest import ROOT, require

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]

def notebooks():
    return sorted(p for p in (ROOT/"nbs").glob("*.ipynb") if not p.name.startswith("_"))

def saved_figures(nb: Path) -> int:
    "How many image outputs the notebook carries (the figures its page must show)."
    cells = json.loads(nb.read_text())["cells"]
    return sum("image/png" in o.get("data", {}) for c in cells for o in c.get("outputs", []))

def exported_names(nb: Path) -> list[str]:
    "Public names the notebook exports (its module's __all__)."
    src = "\n".join("".join(c["source"]) for c in json.loads(nb.read_text())["cells"])
    m = re.search(r"#\|\s*default_exp\s+(\S+)", src)
    if not m: return []
    import importlib
    mod = importlib.import_module(f"mepsdev.{m.group(1)}")
    return [n for n in getattr(mod, "__all__", []) if not n.startswith("_") and n.isidentifier() and not n.isupper()]

@pytest.fixture(scope="module")
def server(docs_site):
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *a): pass
    handler = functools.partial(Quiet, directory=str(docs_site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()

@pytest.fixture(scope="module")
def browser():
    require("chromium", Path(CHROMIUM).exists(), "apt-get install chromium")
    pw_api = pytest.importorskip("playwright.sync_api")
    with pw_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        yield b
        b.close()

def visit(browser, url):
    "Open `url`; return the page and the console errors and failed requests it produced."
    page = browser.new_page()
    errors = []
    page.on("console", lambda m: errors.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(f"page error: {e}"))
    page.on("requestfailed", lambda r: errors.append(f"request failed: {r.url}"))
    resp = page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    assert resp is not None and resp.ok, f"{url}: HTTP {resp.status if resp else 'no response'}"
    return page, errors

@pytest.mark.parametrize("nb", notebooks(), ids=lambda p: p.stem)
def test_page(browser, server, docs_site, nb):
    url = urljoin(server, nb.stem + ".html")
    page, errors = visit(browser, url)
    try:
        assert not errors, f"{url}:\n" + "\n".join(errors)
        # every figure is a loaded image, and none of the notebook's figures is missing
        imgs = page.eval_on_selector_all("main img, #quarto-document-content img, img", "els => els.map(e => [e.currentSrc || e.src, e.complete && e.naturalWidth > 0])")
        broken = [src[:80] for src, ok in imgs if not ok]
        assert not broken, f"{url}: images that did not load: {broken}"
        want = saved_figures(nb)
        shown = page.eval_on_selector_all(".cell-output img, .cell-output-display img", "els => els.length")
        assert shown >= want, f"{url}: notebook saved {want} figures, page shows {shown}"
        # internal links resolve to files of the site (and anchors to elements of the target page)
        hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))")
        for h in hrefs:
            u = urlparse(urljoin(url, h))
            if u.scheme not in ("http", "") or (u.netloc and u.netloc != urlparse(server).netloc): continue
            path = u.path.lstrip("/") or "index.html"
            target = docs_site/path
            if target.is_dir(): target = target/"index.html"
            assert target.exists(), f"{url}: broken internal link {h!r}"
        # maths is typeset by KaTeX wherever the source has display maths
        if "$$" in nb.read_text():
            page.wait_for_selector(".katex", timeout=10_000)
        # API entries of exported public names
        headings = set(page.eval_on_selector_all("h2, h3, h4", "els => els.map(e => e.textContent.trim())"))
        missing = [n for n in exported_names(nb) if n not in headings]
        assert not missing, f"{url}: no API entry for {missing}"
    finally:
        page.close()

def test_index_shows_the_headline_figure(browser, server):
    "The landing page carries the memorized-share-against-γ figure of a real run, loaded."
    page, errors = visit(browser, server + "index.html")
    try:
        ok = page.eval_on_selector_all("img", "els => els.filter(e => (e.getAttribute('src') || '').includes('headline') && e.complete && e.naturalWidth > 300).length")
        assert ok >= 1, "index.html has no loaded headline figure"
        assert not errors, "\n".join(errors)
    finally:
        page.close()

def test_every_notebook_has_a_page(docs_site):
    pages = {p.stem for p in docs_site.glob("*.html")}
    missing = [nb.name for nb in notebooks() if nb.stem not in pages]
    assert not missing, f"notebooks without a page: {missing}"

def test_navigation_and_search(browser, server):
    page, errors = visit(browser, server)
    try:
        sidebar = page.eval_on_selector_all("#quarto-sidebar a[href], .sidebar a[href]", "els => els.map(e => e.getAttribute('href'))")
        for nb in notebooks():
            assert any(h.endswith(nb.stem + ".html") or (nb.stem == "index" and h.endswith(("index.html", "./", "/"))) for h in sidebar), f"sidebar lacks {nb.stem}: {sidebar}"
        box = page.locator("input[type=search], #quarto-search input, .aa-Input").first
        box.click(); box.fill("overlap")
        page.wait_for_timeout(500)
        text = page.inner_text("body")
        assert "overlap" in text.lower()
        assert not errors, "\n".join(errors)
    finally:
        page.close()
