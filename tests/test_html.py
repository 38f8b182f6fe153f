"""HTML documents: only text nodes change, everything else is kept byte for byte, inserted text is escaped."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from acronyms import Entry, Format, Glossary, GlossaryMode, Options, Style, annotate, annotation, scan
from acronyms import html as html_module
from acronyms.cli import cli
from acronyms.context import ContextMode
from acronyms.edits import restore
from acronyms.html import layout, text_spans
from acronyms.planner import FirstUse
from acronyms.regions import protected_spans
from acronyms.sections import find_glossary_section

HTML = Options(format=Format.HTML)
HTML_FOOTNOTE = Options(style=Style.FOOTNOTE, format=Format.HTML)
HTML_TOOLTIP = Options(style=Style.TOOLTIP, format=Format.HTML)
HOSTILE = Glossary.from_entries(
    [
        Entry("XSS", "<script>window.pwned=1</script>"),
        Entry("IMG", '<img src=x onerror="window.pwned=1">'),
        Entry("AMP", "Ethics & Audit \"Panel\" 'x'"),
    ]
)


@pytest.mark.parametrize("name", ["minutes.html", "minutes.HTM", "page.htm"])
def test_html_is_detected_from_the_file_name(name: str) -> None:
    assert Format.from_path(name) is Format.HTML


@pytest.mark.parametrize(
    "page",
    [
        "<script>var SNP = 1;</script>",
        "<style>.SNP { color: red }</style>",
        "<code>SNP</code>",
        "<pre>\nSNP\n</pre>",
        "<kbd>SNP</kbd>",
        '<abbr title="Safer Neighbourhood Panel">SNP</abbr>',
        "<head><title>SNP</title><meta name='x' content='SNP'></head>",
        "<!-- SNP -->",
        '<p title="SNP" data-x=SNP>x</p>',
        '<a href="#n">SNP</a>',
        "<textarea>SNP</textarea>",
        '<input list="topics"><datalist id="topics"><option value="SNP">SNP</option></datalist>',
        '<a href="/plan" aria-label="Read the plan">SNP plan</a><button aria-label="Send">To the SNP</button>',
        '<span role="button" aria-label="Help"><b>SNP</b> help</span>',
        "<svg><text>SNP</text></svg>",
        '<section data-acronyms="notes"><ol><li>SNP: x</li></ol></section>',
        "<p>See https://example.org/SNP today</p>",
        "<!DOCTYPE SNP>",
    ],
    ids=[
        "script",
        "style",
        "code",
        "pre",
        "kbd",
        "abbr",
        "head",
        "comment",
        "attributes",
        "acronym-link",
        "textarea",
        "datalist",
        "aria-labelled-controls",
        "aria-labelled-role",
        "svg",
        "generated",
        "url",
        "doctype",
    ],
)
@pytest.mark.parametrize("options", [HTML, HTML_FOOTNOTE, HTML_TOOLTIP], ids=["inline", "footnote", "tooltip"])
def test_protected_html_is_untouched(small: Glossary, page: str, options: Options) -> None:
    assert annotate(page, small, options) == page


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ("<p>The SNP met.</p>", "<p>The Safer Neighbourhood Panel (SNP) met.</p>"),
        ("<ul><li>SNP</li></ul>", "<ul><li>Safer Neighbourhood Panel (SNP)</li></ul>"),
        ("<td>PCSOs</td>", "<td>Police Community Support Officers (PCSOs)</td>"),
        ("<b>SNP</b> met", "<b>Safer Neighbourhood Panel (SNP)</b> met"),
        ('<a href="/r">the SNP report</a>', '<a href="/r">the Safer Neighbourhood Panel (SNP) report</a>'),
        ("<HEAD><TITLE>SNP</TITLE><BODY>SNP", "<HEAD><TITLE>SNP</TITLE><BODY>Safer Neighbourhood Panel (SNP)"),
        ("<head><title>x</title><body>SNP", "<head><title>x</title><body>Safer Neighbourhood Panel (SNP)"),
        ("5 < SNP", "5 < Safer Neighbourhood Panel (SNP)"),
        (
            '<section aria-label="Summary"><p>SNP</p>',
            '<section aria-label="Summary"><p>Safer Neighbourhood Panel (SNP)</p>',
        ),
    ],
    ids=[
        "paragraph",
        "list-item",
        "table-cell",
        "bold",
        "link-text",
        "upper-case-tags",
        "unclosed-head",
        "stray-lt",
        "aria-labelled-region",
    ],
)
def test_text_nodes_are_annotated(small: Glossary, page: str, expected: str) -> None:
    assert annotate(page, small, HTML) == expected


def test_a_tag_left_unfinished_at_the_end_keeps_what_follows_it(small: Glossary) -> None:
    assert annotate("SNP <b class=SNP", small, HTML) == "Safer Neighbourhood Panel (SNP) <b class=SNP"


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ("<p>SNP</p> x <b SNP &amp; SNP", "<p>Safer Neighbourhood Panel (SNP)</p> x <b SNP &amp; SNP"),
        ("<p>SNP</p> <!-- SNP", "<p>Safer Neighbourhood Panel (SNP)</p> <!-- SNP"),
        ("<p>SNP < 3 and </p SNP", "<p>Safer Neighbourhood Panel (SNP) < 3 and </p SNP"),
        ("SNP &lt; 3 <\ufffc SNP", "Safer Neighbourhood Panel (SNP) &lt; 3 <\ufffc SNP"),
    ],
    ids=["tag", "comment", "end-tag", "inert-character-written"],
)
def test_what_follows_the_last_closing_angle_bracket_reads_as_before(small: Glossary, page: str, expected: str) -> None:
    """`layout` feeds html.parser that part with each `<` made inert; an unfinished tag still protects the rest."""
    assert annotate(page, small, HTML) == expected


def test_openings_after_the_last_closing_angle_bracket_are_not_parsed_as_tags(monkeypatch: pytest.MonkeyPatch) -> None:
    """html.parser looked for the end of each such tag to the end of the text: a 200 kB text took a minute."""
    calls = []
    original = html_module._Parser.parse_starttag

    def counted(parser: html_module._Parser, start: int) -> int:
        calls.append(start)
        return original(parser, start)

    monkeypatch.setattr(html_module._Parser, "parse_starttag", counted)
    page = "<p>SNP</p>" + " a <b PCC" * 200
    found = html_module.layout.__wrapped__(page)
    assert len(calls) == 1  # `<p>` alone
    assert found.protected[-1] == (page.index("<b"), len(page), html_module.UNFINISHED_KIND)


MESSY = (
    "\ufeff<!doctype html>\r\n<HTML><head><META CHARSET=utf-8><title>SNP</title></head>\r\n"
    "<body class=minutes>\r\n<P>The SNP&nbsp;met the PCC&#39;s team<br>and the PCSOs.\r\n"
    "<p id=x  title='SNP'>ANPR &amp; <i>SNP</i></p>\r\n<!-- SNP\r\n -->\r\n</body></HTML>\r\n"
)


@pytest.mark.parametrize("options", [HTML, HTML_FOOTNOTE, HTML_TOOLTIP], ids=["inline", "footnote", "tooltip"])
def test_everything_but_the_insertions_is_kept_byte_for_byte(options: Options) -> None:
    result = annotation(MESSY, Glossary.bundled(), options)
    assert restore(result.text, result.insertions) == MESSY
    assert result.text.count("\r\n") >= MESSY.count("\r\n")
    assert annotate(result.text, Glossary.bundled(), options) == result.text


def test_inline_expansions_are_escaped() -> None:
    assert annotate("<p>XSS and AMP</p>", HOSTILE, HTML) == (
        "<p>&lt;script&gt;window.pwned=1&lt;/script&gt; (XSS) and Ethics &amp; Audit \"Panel\" 'x' (AMP)</p>"
    )


def test_tooltips_and_notes_are_escaped() -> None:
    tooltip = annotate("<p>IMG, IMG</p>", HOSTILE, HTML_TOOLTIP)
    assert tooltip == (
        '<p>&lt;img src=x onerror="window.pwned=1"&gt; (<abbr title="&lt;img src=x onerror=&quot;window.pwned=1&quot;'
        '&gt;">IMG</abbr>), <abbr title="&lt;img src=x onerror=&quot;window.pwned=1&quot;&gt;">IMG</abbr></p>'
    )
    footnote = annotate("<p>XSS</p>", HOSTILE, HTML_FOOTNOTE)
    assert "<script>" not in footnote
    assert "XSS: &lt;script&gt;window.pwned=1&lt;/script&gt;" in footnote


def test_escaped_expansions_count_as_spelled_out() -> None:
    once = annotate("<p>AMP met. AMP agreed.</p>", HOSTILE, HTML)
    assert once == "<p>Ethics &amp; Audit \"Panel\" 'x' (AMP) met. AMP agreed.</p>"
    assert annotate(once, HOSTILE, HTML) == once


def test_footnotes_link_to_a_notes_list_before_the_end_of_the_body(small: Glossary) -> None:
    page = "<html><body>\n<p>SNP and PCSOs; SNP.</p>\n</body></html>\n"
    assert annotate(page, small, HTML_FOOTNOTE) == (
        "<html><body>\n<p>SNP"
        '<sup class="acronym-ref" data-acronyms="ref"><a id="acronym-ref-SNP-1" href="#acronym-note-SNP" '
        'role="doc-noteref">1</a></sup> and PCSOs'
        '<sup class="acronym-ref" data-acronyms="ref"><a id="acronym-ref-PCSO-1" href="#acronym-note-PCSO" '
        'role="doc-noteref">2</a></sup>; SNP.</p>\n'
        "\n"
        '<section class="acronym-notes" data-acronyms="notes" role="doc-endnotes">\n'
        "<h2>Notes</h2>\n"
        "<ol>\n"
        '<li id="acronym-note-SNP">SNP: Safer Neighbourhood Panel <a class="acronym-backref" '
        'href="#acronym-ref-SNP-1" role="doc-backlink" aria-label="Back to SNP in the text">↩</a></li>\n'
        '<li id="acronym-note-PCSO">PCSO: Police Community Support Officer <a class="acronym-backref" '
        'href="#acronym-ref-PCSO-1" role="doc-backlink" aria-label="Back to PCSO in the text">↩</a></li>\n'
        "</ol>\n"
        "</section>\n"
        "</body></html>\n"
    )


def test_every_use_footnotes_get_one_back_link_each(small: Glossary) -> None:
    result = annotate("<p>SNP, SNP</p>", small, Options(style=Style.FOOTNOTE, format=Format.HTML, every_use=True))
    assert 'id="acronym-ref-SNP-1"' in result and 'id="acronym-ref-SNP-2"' in result
    assert (
        'href="#acronym-ref-SNP-2" role="doc-backlink" aria-label="Back to SNP in the text">↩<sup>2</sup></a>' in result
    )


def test_an_edited_page_extends_its_notes_list(small: Glossary) -> None:
    once = annotate("<p>SNP met.</p>", small, HTML_FOOTNOTE)
    edited = once.replace(" met.", " met the ACC.")
    twice = annotate(edited, small, HTML_FOOTNOTE)
    assert twice.count("<section") == 1
    assert '<a id="acronym-ref-ACC-1" href="#acronym-note-ACC" role="doc-noteref">2</a>' in twice
    assert twice.index('id="acronym-note-SNP"') < twice.index('id="acronym-note-ACC"') < twice.index("</ol>")


def test_footnote_references_are_not_put_inside_links(small: Glossary) -> None:
    page = '<p><a href="/r">the SNP report</a>; SNP met.</p>'
    result = annotation(page, small, HTML_FOOTNOTE)
    assert [(d.action.value, d.reason) for d in result.decisions] == [
        ("skip", "inside a link"),
        ("expand", "first use"),
    ]


def test_footnote_references_are_not_put_inside_buttons(small: Glossary) -> None:
    page = '<form><button type="submit">Email the SNP</button></form><p>The SNP met.</p>'
    result = annotation(page, small, HTML_FOOTNOTE)
    assert [(d.action.value, d.reason) for d in result.decisions] == [
        ("skip", "inside a button"),
        ("expand", "first use"),
    ]
    assert annotate(page, small, HTML).startswith('<form><button type="submit">Email the Safer Neighbourhood Panel')


def test_later_uses_carry_the_tooltip(small: Glossary) -> None:
    result = annotation("<p>SNP met. SNP agreed.</p>", small, HTML_TOOLTIP)
    assert result.text == (
        '<p>Safer Neighbourhood Panel (<abbr title="Safer Neighbourhood Panel">SNP</abbr>) met. '
        '<abbr title="Safer Neighbourhood Panel">SNP</abbr> agreed.</p>'
    )
    assert [d.action.value for d in result.decisions] == ["expand", "mark"]


def test_an_acronym_the_text_defines_otherwise_gets_no_glossary_tooltip() -> None:
    glossary = Glossary.from_entries([Entry("ME", "Myalgic Encephalomyelitis")])
    page = "<p>Matthew Ellis (ME) chaired. ME thanked everyone.</p>"
    assert annotate(page, glossary, HTML_TOOLTIP) == page


def test_an_abbr_title_names_the_sense_of_a_use(small: Glossary) -> None:
    page = '<p><abbr title="County Council">CC</abbr></p>'
    (decision,) = annotation(page, small, HTML).decisions
    assert (decision.action.value, decision.reason, decision.entry and decision.entry.expansion) == (
        "skip",
        "inside <abbr>",
        "County Council",
    )


def test_skip_headings_and_sections(small: Glossary) -> None:
    page = "<h1>SNP</h1><p>SNP met.</p><h2>Later</h2><p>SNP again.</p>"
    options = Options(format=Format.HTML, skip_headings=True, first_use=FirstUse.SECTION)
    assert annotate(page, small, options) == (
        "<h1>SNP</h1><p>Safer Neighbourhood Panel (SNP) met.</p><h2>Later</h2>"
        "<p>Safer Neighbourhood Panel (SNP) again.</p>"
    )


def test_the_cli_detects_html(tmp_path: Path) -> None:
    page = tmp_path / "minutes.htm"
    page.write_text("<title>SNP</title><p>SNP</p>", encoding="utf-8")
    result = CliRunner().invoke(cli, ["annotate", str(page), "--style", "tooltip"])
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        '<title>SNP</title><p>Safer Neighbourhood Panel (<abbr title="Safer Neighbourhood Panel">SNP</abbr>)</p>'
    )


def test_layout_finds_headings_links_and_the_body_end() -> None:
    page = '<body><h2 id="a">One</h2><a href="#">x</a><p>y</p></body>'
    found = layout(page)
    assert [page[s:e] for s, e in found.headings] == ['<h2 id="a">One</h2>']
    assert [page[s:e] for s, e in found.links] == ['<a href="#">x</a>']
    assert page[found.body_end :] == "</body>"


HTML_BITS = st.sampled_from(
    [
        "<p>",
        "</p>",
        "<a href='x'>",
        "</a>",
        "<script>",
        "</script>",
        "<!--",
        "-->",
        "<",
        ">",
        "&",
        "&amp;",
        "SNP",
        " ",
        "\n",
        "\r\n",
        "<br/>",
        "<h2>",
        "</h2>",
        "<table>",
        "<tr>",
        "<td>",
        "</td>",
        '"',
        "'",
        "=",
        "<!x>",
        "<?pi?>",
        "<![CDATA[",
        "]]>",
        "</",
        "<abbr title='y'>",
        "</abbr>",
        "<head>",
        "<body>",
        "é",
        "İ",
    ]
)


@settings(max_examples=500, deadline=None)
@given(page=st.lists(HTML_BITS, max_size=40).map("".join))
def test_protected_spans_are_sorted_disjoint_and_leave_no_tag_in_the_text(page: str) -> None:
    spans = protected_spans(page, Format.HTML, links=True)
    assert all(0 <= start < end <= len(page) for start, end, _ in spans)
    assert all(previous[1] <= following[0] for previous, following in itertools.pairwise(spans))
    free, position = [], 0
    for start, end, _ in spans:
        free.append(page[position:start])
        position = end
    free.append(page[position:])
    assert not any(re.search(r"<[A-Za-z/!?]", piece) for piece in free)
    assert all(page[start:end] for start, end in text_spans(page))


REFERENCES = Glossary.from_entries(
    [
        Entry("SNP", "Safer Neighbourhood Panel"),
        Entry("PCSO", "Police Community Support Officer"),
        Entry("NPT", "Neighbourhood Policing Team"),
        Entry("CJS", "Criminal Justice System"),
        Entry("GT", "Gross Tonnage"),
    ]
)


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        (
            "<p>The SNP&rsquo;s report and the PCSO&#8217;s van and (&ldquo;NPT&rdquo;) and&mdash;CJS&mdash;x.</p>",
            (
                "<p>The Safer Neighbourhood Panel&rsquo;s (SNP&rsquo;s) report and the Police Community Support"
                " Officer&#8217;s (PCSO&#8217;s) van and (&ldquo;Neighbourhood Policing Team (NPT)&rdquo;) and&mdash;Criminal Justice System"
                " (CJS)&mdash;x.</p>"
            ),
        ),
        ("<p>The SNP&#x2019;s report</p>", "<p>The Safer Neighbourhood Panel&#x2019;s (SNP&#x2019;s) report</p>"),
        ("<p>The SNP&#X2019;s report</p>", "<p>The Safer Neighbourhood Panel&#X2019;s (SNP&#X2019;s) report</p>"),
        ("<p>The SNP&apos;s report</p>", "<p>The Safer Neighbourhood Panel&apos;s (SNP&apos;s) report</p>"),
        ("<p>The SNP&#39;s report</p>", "<p>The Safer Neighbourhood Panel&#39;s (SNP&#39;s) report</p>"),
        ("<p>The SNP&rsquo;s.</p>", "<p>The Safer Neighbourhood Panel&rsquo;s (SNP&rsquo;s).</p>"),
        ("<p>The&nbsp;CJS met.</p>", "<p>The&nbsp;Criminal Justice System (CJS) met.</p>"),
        ("<p>The CJS&nbsp;met.</p>", "<p>The Criminal Justice System (CJS)&nbsp;met.</p>"),
        ("<p>PCSOs&rsquo; vans</p>", "<p>Police Community Support Officers (PCSOs)&rsquo; vans</p>"),
        ("<p>&lsquo;<b>NPT</b>&rsquo;</p>", "<p>&lsquo;<b>Neighbourhood Policing Team (NPT)</b>&rsquo;</p>"),
    ],
    ids=[
        "brief",
        "hex",
        "upper-hex",
        "apos",
        "decimal-apostrophe",
        "possessive-at-sentence-end",
        "nbsp-before",
        "nbsp-after",
        "plural-possessive",
        "tags-between",
    ],
)
@pytest.mark.parametrize("context", [ContextMode.AUTO, ContextMode.FULL], ids=["auto", "full"])
def test_a_character_reference_beside_an_acronym_counts_as_its_character(
    page: str, expected: str, context: ContextMode
) -> None:
    options = Options(format=Format.HTML, context=context)
    result = annotation(page, REFERENCES, options)
    assert result.text == expected
    assert restore(result.text, result.insertions) == page
    assert annotate(result.text, REFERENCES, options) == result.text


@pytest.mark.parametrize(
    ("page", "reason"),
    [
        ("<p>The &#65;SNP met.</p>", "not an acronym: part of a longer token (a code, file name or address)"),
        ("<p>Ref SNP&#45;7 today</p>", "not an acronym: part of a longer token (a code, file name or address)"),
        ("<p>The SNP&bogus;s met.</p>", "not an acronym: part of a longer token (a code, file name or address)"),
        ("<p>PCSO&amp;T</p>", "not an acronym: part of a longer token (a code, file name or address)"),
        ("<p>5 &GT; 4</p>", "not an acronym: the name of a character reference"),
        ("<p>5&GT;4</p>", "not an acronym: the name of a character reference"),
    ],
    ids=["letter-before", "hyphen-after", "unknown-name", "ampersand", "reference-name", "reference-name-glued"],
)
@pytest.mark.parametrize("context", [ContextMode.AUTO, ContextMode.FULL], ids=["auto", "full"])
def test_a_character_reference_never_joins_an_acronym(page: str, reason: str, context: ContextMode) -> None:
    result = annotation(page, REFERENCES, Options(format=Format.HTML, context=context))
    assert result.text == page
    assert [decision.reason for decision in result.decisions] == [reason]


@pytest.mark.parametrize(
    ("options", "annotated"),
    [(HTML_FOOTNOTE, "The SNP&rsquo;s<sup"), (HTML_TOOLTIP, "Panel&rsquo;s (<abbr")],
    ids=["footnote", "tooltip"],
)
def test_acronyms_beside_character_references_take_every_style_once(options: Options, annotated: str) -> None:
    page = "<body><p>The SNP&rsquo;s van and&mdash;SNP&mdash;and (&ldquo;NPT&rdquo;).</p></body>"
    once = annotate(page, REFERENCES, options)
    assert annotated in once  # the first use is annotated, as the possessive
    assert annotate(once, REFERENCES, options) == once


def test_inline_tooltip_of_a_possessive_beside_a_reference() -> None:
    page = "<p>The SNP&rsquo;s van; the SNP&rsquo;s car.</p>"
    assert annotate(page, REFERENCES, HTML_TOOLTIP) == (
        '<p>The Safer Neighbourhood Panel&rsquo;s (<abbr title="Safer Neighbourhood Panel">SNP</abbr>&rsquo;s) van; '
        'the <abbr title="Safer Neighbourhood Panel">SNP</abbr>&rsquo;s car.</p>'
    )


def test_a_possessive_beside_a_reference_reads_as_the_possessive_written_with_its_character() -> None:
    written = annotation("<p>The SNP&rsquo;s van; the SNP&rsquo;s car.</p>", REFERENCES, Options(format=Format.HTML))
    read = annotation("<p>The SNP’s van; the SNP’s car.</p>", REFERENCES, Options(format=Format.HTML))
    assert [d.match.form for d in written.decisions] == [d.match.form for d in read.decisions]
    assert [d.reason for d in written.decisions] == [d.reason for d in read.decisions]
    assert written.text.replace("&rsquo;", "’") == read.text


def test_a_possessive_beside_a_reference_takes_its_footnote_after_the_s() -> None:
    page = "<body><p>The SNP&rsquo;s van.</p></body>"
    once = annotate(page, REFERENCES, HTML_FOOTNOTE)
    assert "SNP&rsquo;s<sup" in once
    assert annotate(once, REFERENCES, HTML_FOOTNOTE) == once


def test_the_cli_writes_a_possessive_beside_a_reference_as_the_possessive(tmp_path: Path) -> None:
    page = tmp_path / "minutes.html"
    page.write_text("<p>The SNP&rsquo;s view.</p>\n", encoding="utf-8")
    glossary = tmp_path / "g.csv"
    glossary.write_text("acronym,expansion\nSNP,Safer Neighbourhood Panel\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["annotate", str(page), "--no-bundled", "-g", str(glossary)])
    assert result.exit_code == 0
    assert result.stdout == "<p>The Safer Neighbourhood Panel&rsquo;s (SNP&rsquo;s) view.</p>\n"


@pytest.mark.parametrize("style", [Style.INLINE, Style.FOOTNOTE, Style.TOOLTIP], ids=["inline", "footnote", "tooltip"])
def test_a_site_s_navigation_header_and_footer_spend_no_first_use(style: Style) -> None:
    chrome = '<header><nav><a href="/about/">About the PCC</a></nav></header>'
    footer = "<footer><p>PCC office, PO Box 1</p></footer>"
    page = f"<body>{chrome}<main><p>The PCC has a plan.</p></main>{footer}</body>\n"
    result = annotation(page, Glossary.bundled(), Options(format=Format.HTML, style=style))
    assert result.text.startswith(f"<body>{chrome}<main><p>The ") and footer in result.text
    assert [(d.action.value, d.reason) for d in result.decisions] == [
        ("skip", "inside a header"),
        ("expand", "first use"),
        ("skip", "inside a footer"),
    ]


@pytest.mark.parametrize(
    "options",
    [
        Options(format=Format.HTML, style=Style.FOOTNOTE),
        Options(format=Format.HTML, glossary_section=GlossaryMode.APPEND),
    ],
    ids=["notes", "glossary"],
)
def test_appended_blocks_go_at_the_end_of_the_pages_main_content(options: Options) -> None:
    """Inside `<main>`, the landmark a screen reader jumps to, not after the site's footer; twice is once."""
    footer = "<footer><p>Contact us</p></footer>"
    page = f"<body><header><p>Site</p></header><main><p>The PCC has a plan.</p></main>{footer}</body>\n"
    once = annotate(page, Glossary.bundled(), options)
    main = once[once.index("<main>") : once.index("</main>")]
    assert 'data-acronyms="notes"' in main or 'data-acronyms="glossary"' in main
    assert once.endswith(f"</main>{footer}</body>\n")
    assert annotate(once, Glossary.bundled(), options) == once


def test_with_two_main_elements_appended_blocks_go_before_the_body_end() -> None:
    """A page may hide all but one `<main>`; which one shows is not known here, so the end of the body stays."""
    page = "<body><main hidden><p>Old</p></main><main><p>The PCC has a plan.</p></main><footer>f</footer></body>\n"
    result = annotate(page, Glossary.bundled(), Options(format=Format.HTML, style=Style.FOOTNOTE))
    assert result.index('data-acronyms="notes"') > result.index("<footer>")


# Found by the idempotency property: a glossary heading and list inside an item of another glossary list.
@pytest.mark.parametrize("mode", [GlossaryMode.APPEND, GlossaryMode.REPLACE])
@pytest.mark.parametrize(
    "page",
    [
        "SNP<h2>Glossary</h2><ul><li><h2>Glossary</h2><ul><li><b>SNP</b>: x</li><section data-acronyms=notes><ol>",
        "SNP<h2>Glossary</h2><ul><li><h2>Glossary</h2><ul><li><li><b>SNP</b>: x</li></ol></section>",
    ],
)
def test_a_glossary_list_inside_an_item_of_another(page: str, mode: GlossaryMode) -> None:
    glossary = Glossary.from_entries([Entry("SNP", "Safer Neighbourhood Panel")])
    options = Options(format=Format.HTML, context=ContextMode.OFF, glossary_section=mode)
    once = annotate(page, glossary, options)
    assert annotate(once, glossary, options) == once
    # The inner list is the section (the outer item holds a heading and a list, no row), and so the same each time.
    section = scan(once, glossary, format=Format.HTML).section
    assert section is not None
    assert [(row.acronym, row.expansion) for row in section.rows] == [
        ("SNP", "x" if mode is GlossaryMode.APPEND else "Safer Neighbourhood Panel")
    ]


def test_a_heading_in_a_glossary_list_ends_its_rows() -> None:
    page = "<h2>Glossary</h2><ul><li>NPT: Neighbourhood Policing Team</li><li><h3>Notes</h3><p>PCC: see above</p></li></ul>"
    section = find_glossary_section(page, Format.HTML)
    assert section is not None
    assert [(row.acronym, row.expansion) for row in section.rows] == [("NPT", "Neighbourhood Policing Team")]
    assert page[section.start : section.end] == "<h2>Glossary</h2><ul><li>NPT: Neighbourhood Policing Team</li><li>"


@pytest.mark.parametrize(
    "section",
    [
        "<table><tr><td></td><td>SNP: Safer Neighbourhood Panel</td></tr></table>",
        "<table><tr><td> </td><td>SNP</td><td>Safer Neighbourhood Panel</td></tr></table>",  # an empty first column
        "<dl><dt></dt><dd>SNP: Safer Neighbourhood Panel</dd></dl>",
    ],
)
def test_a_row_whose_first_cell_is_empty(section: str, tmp_path: Path) -> None:
    """Its acronym was read as "", and every command that reads the section crashed with an IndexError."""
    page = tmp_path / "page.html"
    page.write_text(f"<p>The SNP met.</p><h2>Glossary</h2>{section}\n", encoding="utf-8")
    found = find_glossary_section(page.read_text(encoding="utf-8"), Format.HTML)
    assert found is not None
    assert [(row.acronym, row.expansion) for row in found.rows] == [("SNP", "Safer Neighbourhood Panel")]
    result = CliRunner().invoke(cli, ["annotate", str(page)])
    assert (result.exit_code, result.exception) == (0, None)
    assert result.stdout.startswith("<p>The Safer Neighbourhood Panel (SNP) met.</p>")


@pytest.mark.xfail(
    strict=True,
    raises=AssertionError,
    reason="known limitation: replace rewrites a glossary row whose item holds an element this tool generated, "
    "left open (`<dd>SNP<sup data-acronyms=ref>SNP<h2>`), and with it goes the protection of what followed it "
    "(found by the idempotency property with many examples; since 00c56f1 a heading ends such a row)",
)
def test_a_row_holding_a_generated_element_left_open_is_replaced_once() -> None:
    glossary = Glossary.from_entries([Entry("SNP", "Safer Neighbourhood Panel")])
    page = 'SNP<h2>Glossary</h2><dl><dt>SNP</dt><dd>SNP<sup data-acronyms="ref">SNP<h2>Glossary</h2><table>SNP'
    options = Options(
        format=Format.HTML,
        style=Style.TOOLTIP,
        context=ContextMode.OFF,
        skip_headings=True,
        glossary_section=GlossaryMode.REPLACE,
    )
    once = annotate(page, glossary, options)
    assert annotate(once, glossary, options) == once
