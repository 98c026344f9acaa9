"""The built site in a real browser: Debian's chromium, driven by selenium, at a phone's
width (390 px) and a laptop's (1400 px), every page of the table of contents.

On each page and width: the page does not scroll sideways as a whole; the browser logs no
JavaScript error; every image has alt text; nothing (script or stylesheet) is loaded from
the network; axe-core (shipped by axe-selenium-python) finds no serious or critical
accessibility violation (its colour-contrast rule, two thirds of axe's time, runs at the
laptop width only: the colours are the same at both); and, in every chapter, no table cell shows an internal id, NaN, True or False.

The site is the session's one build (tests/conftest.py), served from 127.0.0.1. Without
chromium the test skips and says how to install it, except in CI (CI=true), where it must run.
Set SINORUS_SCREENSHOTS=folder to keep a screenshot of each page at each width.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import pathlib
import re
import shutil
import tempfile
import threading

import pytest

from book_facts import toc_files

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
WIDTHS = {"phone": (390, 844), "laptop": (1400, 900)}
PAGES = toc_files()
INSTALL = "apt-get install -y chromium chromium-driver  (Debian; .ci/run does this in CI)"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--hide-scrollbars"]
ID_TOKEN = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")
FILE_NAME = re.compile(r"\b[\w-]+\.(?:csv|json|md|ipynb|py|bib)\b")  # a file name is not an id
RAW_VALUE = re.compile(r"^(?:NaN|nan|True|False|None|NaT|<NA>)$")


def _have_chromium() -> bool:
    return pathlib.Path(CHROMIUM).exists() and pathlib.Path(CHROMEDRIVER).exists()


if not _have_chromium():
    if os.environ.get("CI", "").lower() == "true":
        raise RuntimeError(f"CI needs chromium and chromedriver for the browser test: {INSTALL}")
    pytest.skip(f"chromium or chromedriver not found; to run the browser test: {INSTALL}",
                allow_module_level=True)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server(built_site):
    html_dir, returncode, log = built_site
    assert returncode == 0, log[-3000:]
    handler = functools.partial(_Quiet, directory=str(html_dir))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="sinorus-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS + [f"--user-data-dir={profile}"]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_script_timeout(60)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


# What a page shows, read in the browser: one script for everything but axe.
INSPECT = r"""
const main = document.querySelector("main") || document.body;
const external = (u) => /^(https?:)?\/\//i.test(u || "") && !u.startsWith(location.origin);
return {
  scrollWidth: document.documentElement.scrollWidth,
  innerWidth: window.innerWidth,
  widest: [...document.querySelectorAll("body *")].filter(e => {
      const r = e.getBoundingClientRect(); return r.right > window.innerWidth + 1 && r.width > 0
        && getComputedStyle(e).position !== "fixed"; })
    .filter(e => !e.closest(".sinorus-table-wrap, .cell_output, div.highlight, .bd-sidebar-primary, .bd-sidebar-secondary, .search-button__wrapper"))
    .slice(0, 3).map(e => e.tagName + "." + e.className),
  imagesWithoutAlt: [...document.querySelectorAll("img")]
    .filter(i => !i.hasAttribute("alt") || (main.contains(i) && !i.alt.trim()))
    .map(i => i.getAttribute("src")),
  externalScripts: [...document.querySelectorAll("script[src]")].map(s => s.getAttribute("src")).filter(external),
  externalStyles: [...document.querySelectorAll("link[rel~=stylesheet][href], link[rel=preload][href]")]
    .map(l => l.getAttribute("href")).filter(external),
  cells: [...main.querySelectorAll("table td, table th")].map(c => {
      const copy = c.cloneNode(true); copy.querySelectorAll("code").forEach(x => x.remove());
      return copy.textContent.trim(); }),
};
"""


@pytest.fixture(scope="module")
def visit(server, browser):
    """visit(page, width) → what the page shows there (cached: each page loads once per width)."""
    from axe_selenium_python import Axe

    screenshots = os.environ.get("SINORUS_SCREENSHOTS")

    @functools.lru_cache(maxsize=None)
    def _visit(page, width):
        browser.set_window_size(*WIDTHS[width])
        browser.get(f"{server}/{page}.html")
        browser.execute_script("return document.fonts && document.fonts.ready")
        seen = browser.execute_script(INSPECT)
        seen["console"] = [entry for entry in browser.get_log("browser")
                           if entry.get("level") == "SEVERE"]
        axe = Axe(browser)
        axe.inject()
        options = {"resultTypes": ["violations"]}
        if width != "laptop":
            options["rules"] = {"color-contrast": {"enabled": False}}
        results = axe.run(options=json.dumps(options))
        seen["axe"] = [{"id": v["id"], "impact": v["impact"], "help": v["help"],
                        "nodes": [n["target"] for n in v["nodes"]][:3]}
                       for v in results["violations"] if v["impact"] in ("serious", "critical")]
        if screenshots:
            folder = pathlib.Path(screenshots)
            folder.mkdir(parents=True, exist_ok=True)
            browser.save_screenshot(str(folder / f"{page.replace('/', '_')}-{width}.png"))
        return seen

    return _visit


CASES = [(page, width) for page in PAGES for width in WIDTHS]
IDS = [f"{page.split('/')[-1]}-{width}" for page, width in CASES]


@pytest.mark.parametrize("page, width", CASES, ids=IDS)
def test_page_does_not_scroll_sideways(visit, page, width):
    seen = visit(page, width)
    assert seen["scrollWidth"] <= seen["innerWidth"], \
        f"{page} at {width}: {seen['scrollWidth']} px wide in a {seen['innerWidth']} px window; {seen['widest']}"


@pytest.mark.parametrize("page, width", CASES, ids=IDS)
def test_no_javascript_errors(visit, page, width):
    assert not visit(page, width)["console"], visit(page, width)["console"]


@pytest.mark.parametrize("page, width", CASES, ids=IDS)
def test_images_have_alt_text_and_nothing_comes_from_the_network(visit, page, width):
    seen = visit(page, width)
    assert not seen["imagesWithoutAlt"], seen["imagesWithoutAlt"]
    assert not seen["externalScripts"] and not seen["externalStyles"], \
        seen["externalScripts"] + seen["externalStyles"]


@pytest.mark.parametrize("page, width", CASES, ids=IDS)
def test_no_serious_accessibility_violations(visit, page, width):
    violations = visit(page, width)["axe"]
    assert not violations, json.dumps(violations, indent=1)


def _raw_cells(cells):
    return sorted({c for c in cells if RAW_VALUE.match(c) or ID_TOKEN.search(FILE_NAME.sub("", c))})


@pytest.mark.parametrize("page", [p for p in PAGES if p.startswith("chapters/")])
def test_tables_show_no_ids_nan_or_booleans(visit, page):
    raw = _raw_cells(visit(page, "laptop")["cells"])
    assert not raw, f"{page}: cells a reader should not have to decode: {raw[:20]}"


def test_the_table_check_can_fail():
    assert _raw_cells(["fig1_chn_share", "True", "NaN", "63%", "United States", "2,945,000",
                       "Rows of joint_exercises.csv"]) == ["NaN", "True", "fig1_chn_share"]


def test_printed_page_wraps_code_and_folds_solutions(server, browser):
    """The site's print stylesheet (_static/sinorus.css): printed, code wraps at the margin,
    a solution shows its title only, and the sidebars are left out."""
    browser.set_window_size(*WIDTHS["laptop"])
    browser.get(f"{server}/chapters/00-how-to-use.html")
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        seen = browser.execute_script("""
            const style = el => el ? getComputedStyle(el) : null;
            const solution = document.querySelector('.solution.dropdown');
            const body = solution && [...solution.children].find(c => !c.classList.contains('admonition-title'));
            return {pre: style(document.querySelector('div.cell pre')).whiteSpace,
                    solution: body ? style(body).display : null,
                    title: style(solution.querySelector('.admonition-title')).display,
                    sidebar: style(document.querySelector('.bd-sidebar-primary'))?.display};""")
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    assert seen["pre"] == "pre-wrap", seen
    assert seen["solution"] == "none" and seen["title"] != "none", seen
    assert seen["sidebar"] in (None, "none"), seen
