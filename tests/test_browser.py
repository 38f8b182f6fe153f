"""The HTML outputs in a real headless browser: Debian's chromium driven by Selenium through chromedriver.

Every footnote reference moves to its note and every back-link moves back,
every `<abbr>` has its title, no script runs from glossary text, and
screenshots of the annotated sample page are saved under `test-artifacts/`.
These tests are marked `browser`; they are skipped, saying why, only when no
chromium or chromedriver is installed (`apt-get install -y chromium chromium-driver`).
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ROOT
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import WebDriverWait

from acronyms import Entry, Format, Glossary, Options, Style, annotate
from acronyms.planner import GlossaryMode

pytestmark = pytest.mark.browser

BROWSERS = ("chromium", "chromium-browser", "google-chrome")
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=900,700",  # small enough that following a link has to scroll
)
ARTIFACTS = ROOT / "test-artifacts"
SAMPLE = ROOT / "examples" / "staffordshire-public-performance-meeting-2020-02-27.html"
WAIT_SECONDS = 5
HOSTILE = Glossary.from_entries(
    [
        Entry("XSS", "<script>window.pwned = 1</script>"),
        Entry("IMG", '<img src="x" onerror="window.pwned = 1">'),
        Entry("SVG", "<svg onload=window.pwned=1>"),
        Entry("ATTR", '" onmouseover="window.pwned = 1'),
    ]
)
HOSTILE_PAGE = "<!DOCTYPE html><html><body><h1>XSS</h1><p>XSS, IMG, SVG and ATTR; XSS again.</p></body></html>\n"


@pytest.fixture(scope="module")
def browser() -> Iterator[WebDriver]:
    binary = next((path for path in map(shutil.which, BROWSERS) if path), None)
    driver_path = shutil.which("chromedriver")
    if binary is None or driver_path is None:
        pytest.skip(
            "no browser: the browser tests need Debian's chromium and chromium-driver "
            "(apt-get install -y chromium chromium-driver)"
        )
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    with tempfile.TemporaryDirectory(prefix="acronyms-chromium-") as profile:
        options.add_argument(f"--user-data-dir={profile}")
        driver = webdriver.Chrome(service=Service(driver_path), options=options)
        try:
            yield driver
        finally:
            driver.quit()


def show(browser: WebDriver, tmp_path: Path, html: str, name: str = "page.html") -> None:
    page = tmp_path / name
    page.write_text(html, encoding="utf-8")
    browser.get(page.as_uri())


def in_view(browser: WebDriver, element_id: str) -> bool:
    return bool(
        browser.execute_script(
            "const box = document.getElementById(arguments[0]).getBoundingClientRect();"
            "return box.bottom > 0 && box.top < window.innerHeight;",
            element_id,
        )
    )


def follow(browser: WebDriver, link_href: str, target_id: str) -> None:
    """Click the link to `#target_id` and wait until the browser is at the target."""
    browser.find_element(By.CSS_SELECTOR, f'a[href="{link_href}"]').click()
    WebDriverWait(browser, WAIT_SECONDS).until(
        lambda driver: driver.execute_script("return location.hash") == f"#{target_id}"
    )
    assert browser.execute_script("return document.querySelector(':target').id") == target_id
    assert in_view(browser, target_id), f"#{target_id} is not on screen after following {link_href}"


def test_every_footnote_link_moves_to_its_note_and_back(browser: WebDriver, tmp_path: Path) -> None:
    options = Options(style=Style.FOOTNOTE, format=Format.HTML, every_use=True)
    show(browser, tmp_path, annotate(SAMPLE.read_text(encoding="utf-8"), Glossary.bundled(), options))
    references = browser.find_elements(By.CSS_SELECTOR, 'a[role="doc-noteref"]')
    pairs = [(ref.get_attribute("id"), ref.get_attribute("href").rsplit("#", 1)[1]) for ref in references]
    assert len(pairs) == 9  # eight acronyms, ANPR twice
    assert not in_view(browser, pairs[0][1]), "the page must be taller than the window for this test to mean anything"
    for ref_id, note_id in pairs:
        browser.execute_script("arguments[0].scrollIntoView()", browser.find_element(By.ID, ref_id))
        follow(browser, f"#{note_id}", note_id)
        follow(browser, f"#{ref_id}", ref_id)
    notes = browser.find_elements(By.CSS_SELECTOR, "section.acronym-notes li")
    assert {note.get_attribute("id") for note in notes} == {note_id for _, note_id in pairs}


def test_every_abbr_has_its_title(browser: WebDriver, tmp_path: Path) -> None:
    options = Options(style=Style.TOOLTIP, format=Format.HTML)
    show(browser, tmp_path, annotate(SAMPLE.read_text(encoding="utf-8"), Glossary.bundled(), options))
    abbrs = browser.execute_script(
        "return [...document.querySelectorAll('abbr')].map(a => [a.textContent, a.title, a.closest('body') !== null])"
    )
    assert len(abbrs) >= 9
    assert all(title and in_body for _, title, in_body in abbrs), abbrs
    assert ["ANPR", "Automatic Number Plate Recognition", True] in abbrs
    text = browser.find_element(By.TAG_NAME, "body").text
    assert "Automatic Number Plate Recognition (ANPR)" in text  # the first use is spelled out, not only a tooltip


@pytest.mark.parametrize(
    "options",
    [
        Options(format=Format.HTML, glossary_section=GlossaryMode.APPEND),
        Options(style=Style.FOOTNOTE, format=Format.HTML, every_use=True),
        Options(style=Style.TOOLTIP, format=Format.HTML, every_use=True),
    ],
    ids=["inline-and-glossary", "footnote", "tooltip"],
)
def test_no_script_runs_from_glossary_text(browser: WebDriver, tmp_path: Path, options: Options) -> None:
    html = annotate(HOSTILE_PAGE, HOSTILE, options)
    show(browser, tmp_path, html)
    for element in browser.find_elements(By.CSS_SELECTOR, "abbr, sup a, p"):
        webdriver.ActionChains(browser).move_to_element(element).perform()
    assert browser.execute_script("return window.pwned") is None
    assert browser.execute_script("return document.querySelectorAll('script, img, svg').length") == 0
    assert "<script>window.pwned = 1</script>" in browser.find_element(By.TAG_NAME, "body").text


def test_the_hostile_check_would_see_a_script_that_ran(browser: WebDriver, tmp_path: Path) -> None:
    show(browser, tmp_path, "<p>control</p><img src=x onerror='window.pwned = 1'>")
    WebDriverWait(browser, WAIT_SECONDS).until(lambda driver: driver.execute_script("return window.pwned") == 1)


@pytest.mark.parametrize("style", [Style.FOOTNOTE, Style.TOOLTIP], ids=lambda style: style.value)
def test_screenshot_of_the_annotated_sample(browser: WebDriver, tmp_path: Path, style: Style) -> None:
    options = Options(style=style, format=Format.HTML, glossary_section=GlossaryMode.REPLACE)
    show(browser, tmp_path, annotate(SAMPLE.read_text(encoding="utf-8"), Glossary.bundled(), options))
    height = browser.execute_script("return document.documentElement.scrollHeight")
    browser.set_window_size(1000, height + 200)
    ARTIFACTS.mkdir(exist_ok=True)
    screenshot = ARTIFACTS / f"annotated-sample-{style.value}.png"
    assert browser.save_screenshot(str(screenshot))
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    browser.set_window_size(900, 700)
