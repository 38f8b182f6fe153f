"""Markdown output rendered by a real renderer: Python-Markdown with its `abbr`, `footnotes` and `tables` extensions.

The assertions are on the HTML that Python-Markdown (the engine of MkDocs) makes
of the annotated text: footnotes are footnotes, tooltips are `<abbr>` elements,
code is the same code, and glossary text cannot become markup.
"""

from __future__ import annotations

import re

import markdown
import pytest

from acronyms import Entry, Format, Glossary, Options, Style, annotate
from acronyms.planner import GlossaryMode

EXTENSIONS = ["abbr", "footnotes", "tables"]
FOOTNOTE = Options(style=Style.FOOTNOTE, format=Format.MARKDOWN)
TOOLTIP = Options(style=Style.TOOLTIP, format=Format.MARKDOWN)
INLINE = Options(format=Format.MARKDOWN)

MINUTES = """\
# Public Performance Meeting

The SNP met the PCSOs. The SNP agreed.

```
SNP = load("PCSOs")
```

    PCC indented code

Run `SNP --help` or see [the panel](https://example.org/SNP).
"""


def render(text: str) -> str:
    return markdown.markdown(text, extensions=EXTENSIONS)


def code_blocks(html: str) -> list[str]:
    return re.findall(r"<code>(.*?)</code>", html, re.DOTALL)


@pytest.mark.parametrize("options", [INLINE, FOOTNOTE, TOOLTIP], ids=["inline", "footnote", "tooltip"])
def test_code_renders_exactly_as_before(small: Glossary, options: Options) -> None:
    before, after = render(MINUTES), render(annotate(MINUTES, small, options))
    assert code_blocks(after) == code_blocks(before)
    assert len(code_blocks(before)) == 3


def test_footnotes_render_as_footnotes(small: Glossary) -> None:
    html = render(annotate(MINUTES, small, FOOTNOTE))
    assert '<sup id="fnref:SNP"><a class="footnote-ref" href="#fn:SNP">1</a></sup>' in html
    assert '<sup id="fnref:PCSO"><a class="footnote-ref" href="#fn:PCSO">2</a></sup>' in html
    notes = re.search(r'<div class="footnote">.*</div>', html, re.DOTALL)
    assert notes is not None
    assert re.findall(r'<li id="fn:(\w+)">\s*<p>(.*?)&#160;', notes.group()) == [
        ("SNP", "Safer Neighbourhood Panel"),
        ("PCSO", "Police Community Support Officer"),
    ]
    assert html.count('class="footnote-backref"') == 2


def test_tooltips_render_as_abbr_elements_with_the_first_use_spelled_out(small: Glossary) -> None:
    html = render(annotate(MINUTES, small, TOOLTIP))
    paragraph = re.search(r"<p>The .*?</p>", html)
    assert paragraph is not None
    assert paragraph.group() == (
        '<p>The Safer Neighbourhood Panel (<abbr title="Safer Neighbourhood Panel">SNP</abbr>) met the '
        'Police Community Support Officers (<abbr title="Police Community Support Officers">PCSOs</abbr>). '
        'The <abbr title="Safer Neighbourhood Panel">SNP</abbr> agreed.</p>'
    )
    assert "*[" not in html


def test_every_abbr_has_a_title(small: Glossary) -> None:
    html = render(annotate(MINUTES, small, TOOLTIP))
    abbrs = re.findall(r"<abbr( title=\"[^\"]+\")?>", html)
    assert abbrs and all(abbrs)


def test_glossary_text_cannot_become_markup() -> None:
    glossary = Glossary.from_entries([Entry("XSS", "Cross_Site *bold* <script>alert(1)</script> [x](y)")])
    for options in (INLINE, FOOTNOTE, TOOLTIP, Options(format=Format.MARKDOWN, glossary_section=GlossaryMode.APPEND)):
        html = render(annotate("The XSS team.\n", glossary, options))
        assert "<script>" not in html and "<em>" not in html and 'href="y"' not in html
        assert "Cross_Site *bold* &lt;script&gt;alert(1)&lt;/script&gt; [x](y)" in html


def test_an_expansion_at_the_start_of_a_line_does_not_make_it_a_heading() -> None:
    glossary = Glossary.from_entries([Entry("HQ", "# 1 Headquarters")])
    annotated = annotate("Minutes.\nHQ met.\n", glossary, INLINE)
    assert annotated == "Minutes.\n\\# 1 Headquarters (HQ) met.\n"
    assert "<h1>" not in render(annotated) and "# 1 Headquarters (HQ) met." in render(annotated)


def test_the_generated_glossary_renders_as_a_table(small: Glossary) -> None:
    options = Options(format=Format.MARKDOWN, glossary_section=GlossaryMode.APPEND)
    html = render(annotate(MINUTES, small, options))
    table = re.search(r"<h2>Glossary</h2>\s*<table>.*</table>", html, re.DOTALL)
    assert table is not None
    assert re.findall(r"<tr>\s*<td>(.*?)</td>\s*<td>(.*?)</td>", table.group()) == [
        ("PCSO", "Police Community Support Officer"),
        ("SNP", "Safer Neighbourhood Panel"),
    ]


@pytest.mark.parametrize("mode", [GlossaryMode.APPEND, GlossaryMode.REPLACE], ids=["append", "replace"])
def test_a_definition_list_glossary_renders_as_one_definition_list(small: Glossary, mode: GlossaryMode) -> None:
    text = "The ACC and the SNP met.\n\n## Glossary\n\n**SNP**\n:   Safer Neighbourhood Panel\n"
    annotated = annotate(text, small, Options(format=Format.MARKDOWN, glossary_section=mode))
    for document, expected in ((text, [("SNP",)]), (annotated, [("ACC",), ("SNP",)])):
        html = markdown.markdown(document, extensions=[*EXTENSIONS, "def_list"])
        assert html.count("<dl>") == 1 and html.count("<h2>") == 1
        pairs = re.findall(r"<dt><strong>(.*?)</strong></dt>\s*<dd>(.*?)</dd>", html)
        assert [pair[:1] for pair in pairs] == expected
        assert dict(pairs).get("SNP") == "Safer Neighbourhood Panel"
    assert ("ACC", "Assistant Chief Constable") in re.findall(r"<dt><strong>(.*?)</strong></dt>\s*<dd>(.*?)</dd>", html)


def test_front_matter_and_html_blocks_are_left_alone(small: Glossary) -> None:
    text = '---\ntitle: SNP\n---\n\n<div class="SNP">\nSNP inside a block\n</div>\n\nSNP outside.\n'
    assert annotate(text, small, INLINE) == (
        '---\ntitle: SNP\n---\n\n<div class="SNP">\nSNP inside a block\n</div>\n\n'
        "Safer Neighbourhood Panel (SNP) outside.\n"
    )


@pytest.mark.parametrize("options", [INLINE, FOOTNOTE, TOOLTIP], ids=["inline", "footnote", "tooltip"])
def test_attribute_lists_are_left_alone(small: Glossary, options: Options) -> None:
    text = '## The SNP report {#snp-report data-owner="PCC office"}\n\nThe PCSO met.\n{: .lead title="PCC note" }\n'
    annotated = annotate(text, small, options)
    assert '{#snp-report data-owner="PCC office"}' in annotated
    assert '{: .lead title="PCC note" }' in annotated
    html = markdown.markdown(annotated, extensions=[*EXTENSIONS, "attr_list"])
    assert '<h2 data-owner="PCC office" id="snp-report">' in html
    assert '<p class="lead" title="PCC note">' in html


def test_headings_can_be_skipped(small: Glossary) -> None:
    text = "# SNP report\n\nThe SNP met.\n\nFinance\n-------\n\nPCC\n"
    assert annotate(text, small, Options(format=Format.MARKDOWN, skip_headings=True)) == (
        "# SNP report\n\nThe Safer Neighbourhood Panel (SNP) met.\n\nFinance\n-------\n\n"
        "Police and Crime Commissioner (PCC)\n"
    )
    html = render(annotate(text, small, Options(format=Format.MARKDOWN, skip_headings=True)))
    assert "<h1>SNP report</h1>" in html


def test_an_abbreviation_line_the_author_wrote_is_kept(small: Glossary) -> None:
    text = "The SNP met.\n\n*[SNP]: Safer Neighbourhood Panels\n"
    assert annotate(text, small, TOOLTIP) == (
        "The Safer Neighbourhood Panel (SNP) met.\n\n*[SNP]: Safer Neighbourhood Panels\n"
    )


REFERENCES = Glossary.from_entries(
    [
        Entry("SNP", "Safer Neighbourhood Panel"),
        Entry("CJS", "Criminal Justice System"),
        Entry("NPT", "Neighbourhood Policing Team"),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The&nbsp;CJS met.\n", "The&nbsp;Criminal Justice System (CJS) met.\n"),
        (
            "The SNP&rsquo;s report and &ldquo;NPT&rdquo;.\n",
            (
                "The Safer Neighbourhood Panel&rsquo;s (SNP&rsquo;s) report and &ldquo;Neighbourhood Policing Team"
                " (NPT)&rdquo;.\n"
            ),
        ),
        ("Then&#8212;CJS&#x2014;x\n", "Then&#8212;Criminal Justice System (CJS)&#x2014;x\n"),
        (
            "The SNP&#8217;s CJS\n",
            "The Safer Neighbourhood Panel&#8217;s (SNP&#8217;s) Criminal Justice System (CJS)\n",
        ),
        (
            "The SNP&#x2019;s CJS\n",
            "The Safer Neighbourhood Panel&#x2019;s (SNP&#x2019;s) Criminal Justice System (CJS)\n",
        ),
        ("The SNP&apos;s CJS\n", "The Safer Neighbourhood Panel&apos;s (SNP&apos;s) Criminal Justice System (CJS)\n"),
        ("The SNP&#39;s CJS\n", "The Safer Neighbourhood Panel&#39;s (SNP&#39;s) Criminal Justice System (CJS)\n"),
    ],
    ids=[
        "nbsp",
        "quotes",
        "numeric-dashes",
        "decimal-possessive",
        "hex-possessive",
        "apos-possessive",
        "39-possessive",
    ],
)
def test_character_references_beside_acronyms_count_as_their_characters(text: str, expected: str) -> None:
    once = annotate(text, REFERENCES, INLINE)
    assert once == expected
    assert annotate(once, REFERENCES, INLINE) == once
    assert "(CJS)" in render(once) or "(NPT)" in render(once)


def test_a_character_reference_in_code_is_left_alone() -> None:
    text = "Run `SNP&rsquo;s` now.\n"
    assert annotate(text, REFERENCES, INLINE) == text


UNCLOSED = "The SNP met.\n\n```\ncode\n"
GLOSSARY_APPEND = Options(format=Format.MARKDOWN, glossary_section=GlossaryMode.APPEND)
SNP_ONLY = Glossary.from_entries([Entry("SNP", "Safer Neighbourhood Panel")])


@pytest.mark.parametrize(
    ("options", "appended"),
    [
        (FOOTNOTE, "[^SNP]: Safer Neighbourhood Panel\n"),
        (TOOLTIP, "*[SNP]: Safer Neighbourhood Panel\n"),
        (
            GLOSSARY_APPEND,
            "## Glossary\n\n| Acronym | Expansion |\n| --- | --- |\n| SNP | Safer Neighbourhood Panel |\n",
        ),
    ],
    ids=["footnote", "tooltip", "glossary-append"],
)
def test_what_is_appended_after_an_unclosed_fence_goes_after_a_closing_fence(options: Options, appended: str) -> None:
    annotated = annotate(UNCLOSED, SNP_ONLY, options)
    assert annotated.endswith("\n\n```\ncode\n```\n\n" + appended)
    assert annotate(annotated, SNP_ONLY, options) == annotated
    html = markdown.markdown(annotated, extensions=[*EXTENSIONS, "fenced_code"])
    assert "<pre><code>code\n</code></pre>" in html
    assert not any(raw in html for raw in ("*[SNP]", "[^SNP]:", "| SNP |"))  # each became markup


@pytest.mark.parametrize(
    ("text", "ending"),
    [
        ("The SNP met.\n\n~~~~ python\ncode", "~~~~ python\ncode\n~~~~\n\n*[SNP]: Safer Neighbourhood Panel"),
        ("The SNP met.\r\n\r\n```\r\ncode\r\n", "```\r\ncode\r\n```\r\n\r\n*[SNP]: Safer Neighbourhood Panel\r\n"),
    ],
    ids=["tildes-no-final-newline", "crlf"],
)
def test_the_closing_fence_matches_the_opening_one_and_the_line_endings(text: str, ending: str) -> None:
    annotated = annotate(text, SNP_ONLY, TOOLTIP)
    assert annotated.endswith(ending)
    assert annotate(annotated, SNP_ONLY, TOOLTIP) == annotated


def test_a_closed_fence_at_the_end_gets_no_second_fence() -> None:
    text = "The SNP met.\n\n```\ncode\n```"
    assert annotate(text, SNP_ONLY, TOOLTIP) == (
        "The Safer Neighbourhood Panel (SNP) met.\n\n```\ncode\n```\n\n*[SNP]: Safer Neighbourhood Panel"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The _PCC_ said.\n", "The _Police and Crime Commissioner (PCC)_ said.\n"),
        ("The __PCC__ said.\n", "The __Police and Crime Commissioner (PCC)__ said.\n"),
        ("The *PCC* said.\n", "The *Police and Crime Commissioner (PCC)* said.\n"),
        ("_PCC and the SNP_\n", "_Police and Crime Commissioner (PCC) and the Safer Neighbourhood Panel (SNP)_\n"),
        ("The _PCC’s_ view.\n", "The _Police and Crime Commissioner’s (PCC’s)_ view.\n"),
        ("Call snake_case_PCC now.\n", "Call snake_case_PCC now.\n"),
        ("Call PCC_2 now.\n", "Call PCC_2 now.\n"),
        ("Call _PCC_2_ now.\n", "Call _PCC_2_ now.\n"),
        ("Run `_PCC_` now.\n", "Run `_PCC_` now.\n"),
    ],
    ids=["emphasis", "strong", "asterisks", "both-edges", "possessive", "snake-case", "suffix", "inner-suffix", "code"],
)
def test_acronyms_in_underscore_emphasis_are_expanded_inside_it(small: Glossary, text: str, expected: str) -> None:
    once = annotate(text, small, INLINE)
    assert once == expected
    assert annotate(once, small, INLINE) == once


@pytest.mark.parametrize("options", [Options(), Options(format=Format.HTML)], ids=["text", "html"])
def test_underscores_still_join_words_in_plain_text_and_html(small: Glossary, options: Options) -> None:
    assert annotate("The _PCC_ said.", small, options) == "The _PCC_ said."


def test_underscore_emphasis_renders_around_the_expansion(small: Glossary) -> None:
    assert "<strong>Police and Crime Commissioner (PCC)</strong>" in render(
        annotate("The __PCC__ said.\n", small, INLINE)
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("CRIME &amp; DISORDER PCC UPDATE\n", "CRIME &amp; DISORDER PCC UPDATE\n"),
        ("CRIME &#38; DISORDER PCC UPDATE\n", "CRIME &#38; DISORDER PCC UPDATE\n"),
        (
            "Crime &amp; disorder PCC update\n",
            "Crime &amp; disorder Police and Crime Commissioner (PCC) update\n",
        ),
        (
            "CRIME &amp; DISORDER PCC &eacute;t&eacute;\n",
            "CRIME &amp; DISORDER Police and Crime Commissioner (PCC) &eacute;t&eacute;\n",
        ),
    ],
    ids=["amp", "numeric", "prose", "lower-case-reference"],
)
def test_a_reference_in_a_line_in_capitals_is_no_lower_case_word(small: Glossary, text: str, expected: str) -> None:
    assert annotate(text, small, INLINE) == expected
    assert annotate(f"<p>{text}</p>", small, Options(format=Format.HTML)) == f"<p>{expected}</p>"
