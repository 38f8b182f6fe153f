"""Annotation on small hand-made cases: styles, forms, definitions, protected regions."""

from __future__ import annotations

import gc

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from acronyms import (
    Action,
    Entry,
    Format,
    Glossary,
    Insertion,
    Options,
    Style,
    UsageError,
    annotate,
    annotation,
    find,
    scan,
)
from acronyms.context import ContextMode
from acronyms.planner import GlossaryMode

FOOTNOTE = Options(style=Style.FOOTNOTE)
MARKDOWN = Options(format=Format.MARKDOWN)
MARKDOWN_FOOTNOTE = Options(style=Style.FOOTNOTE, format=Format.MARKDOWN)
HTML = Options(format=Format.HTML)
TEXT = Options()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("SNP met. SNP agreed.", "Safer Neighbourhood Panel (SNP) met. SNP agreed."),
        ("The PCSOs patrol.", "The Police Community Support Officers (PCSOs) patrol."),
        ("The PCC's office.", "The Police and Crime Commissioner's (PCC's) office."),
        ("The PCC’s office.", "The Police and Crime Commissioner’s (PCC’s) office."),
        ("The PCCs’ meeting.", "The Police and Crime Commissioners’ (PCCs’) meeting."),
        ("SNPs, then SNP.", "Safer Neighbourhood Panels (SNPs), then SNP."),
        ("UK policing", "UK policing"),
        ("PCC/ACC", "Police and Crime Commissioner (PCC)/Assistant Chief Constable (ACC)"),
    ],
    ids=[
        "first-use-only",
        "plural",
        "possessive",
        "curly-possessive",
        "plural-possessive",
        "plural-then-base",
        "well-known",
        "slash",
    ],
)
def test_inline(small: Glossary, text: str, expected: str) -> None:
    assert annotate(text, small) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The two NCAs met.", "The two National Crime Agencies (NCAs) met."),
        ("Both NHWs agreed.", "Both Neighbourhood Watches (NHWs) agreed."),
        ("The BTPs and MDPs.", "The British Transport Police (BTPs) and Ministry of Defence Police (MDPs)."),
        ("Three AGs spoke.", "Three Attorneys General (AGs) spoke."),
    ],
    ids=["y-to-ies", "ch-to-ches", "plural-already", "irregular-from-the-glossary"],
)
def test_plurals_of_bundled_long_forms(text: str, expected: str) -> None:
    bundled = Glossary.bundled()
    assert annotate(text, bundled) == expected
    assert annotate(expected, bundled) == expected


@pytest.mark.parametrize(
    ("field", "value", "kind"),
    [
        ("style", "footnote", "Style"),
        ("format", "html", "Format"),
        ("context", "off", "ContextMode"),
        ("first_use", "section", "FirstUse"),
        ("glossary_section", "append", "GlossaryMode"),
    ],
)
def test_options_refuse_a_string_for_a_choice(field: str, value: str, kind: str) -> None:
    """`Options(style="footnote")` would otherwise annotate inline, as if nothing were asked."""
    with pytest.raises(TypeError, match=kind):
        Options(**{field: value})


def test_every_use(small: Glossary) -> None:
    assert annotate("SNP and SNP", small, Options(every_use=True)) == (
        "Safer Neighbourhood Panel (SNP) and Safer Neighbourhood Panel (SNP)"
    )


@pytest.mark.parametrize(
    "text",
    [
        "Feedback from the Safer Neighbourhood Panel (SNP). SNP met.",
        "Feedback from the SNP (Safer Neighbourhood Panel). SNP met.",
        "Feedback from the safer neighbourhood panel (SNP). SNP met.",
    ],
    ids=["long-then-short", "short-then-long", "lower-case-long-form"],
)
def test_an_acronym_defined_in_the_text_is_not_expanded_again(small: Glossary, text: str) -> None:
    assert annotate(text, small) == text


@pytest.mark.parametrize(
    ("text", "options"),
    [
        ('The Safer Neighbourhood Panel ("SNP") met.', Options()),
        ("The Safer Neighbourhood Panel (“SNP”) met.", Options()),
        ("The Safer Neighbourhood Panel (‘SNP’) met.", Options()),
        ("The Safer Neighbourhood Panel ('SNP') met.", Options()),
        ('The Safer Neighbourhood Panel ("SNP") met.', FOOTNOTE),
        ("The Safer Neighbourhood Panel (“SNP”) met.", MARKDOWN),
        ("<p><b>Safer Neighbourhood Panel</b> (SNP) met.</p>", HTML),
        ("<p>Safer Neighbourhood Panel (<b>SNP</b>) met.</p>", HTML),
        ("<p><em>Safer Neighbourhood Panel</em> (<em>SNP</em>) met.</p>", HTML),
        ("<p><b>Safer Neighbourhood Panel</b> (SNP) met.</p>", Options(style=Style.FOOTNOTE, format=Format.HTML)),
        ("*Safer Neighbourhood Panel* (*SNP*) met.", MARKDOWN),
        ("*Safer Neighbourhood Panel* (SNP) met.", MARKDOWN),
        ("**Safer Neighbourhood Panel** (**SNP**) met.", MARKDOWN),
        ("__Safer Neighbourhood Panel__ (*SNP*) met.", MARKDOWN),
        ("*Safer Neighbourhood Panel* (“SNP”) met.", MARKDOWN_FOOTNOTE),
        ("<p>The Safer Neighbourhood Panel (&ldquo;SNP&rdquo;) met.</p>", HTML),
        ("<p>&#8220;Safer Neighbourhood Panel&#x201D; (&quot;<b>SNP</b>&quot;) met.</p>", HTML),
        ("The Safer Neighbourhood Panel (&lsquo;SNP&rsquo;) met.", MARKDOWN),
        ("<p>&OpenCurlyDoubleQuote;Safer Neighbourhood Panel&CloseCurlyDoubleQuote; (SNP) met.</p>", HTML),
    ],
    ids=[
        "straight-double-quotes",
        "curly-double-quotes",
        "curly-single-quotes",
        "straight-single-quotes",
        "quotes-footnote-style",
        "quotes-markdown",
        "html-bold-long-form",
        "html-bold-short-form",
        "html-both-emphasised",
        "html-footnote-style",
        "markdown-both-emphasised",
        "markdown-emphasised-long-form",
        "markdown-both-strong",
        "markdown-underscores",
        "markdown-emphasis-and-quotes-footnote",
        "html-quotes-as-references",
        "html-numeric-references-and-tags",
        "markdown-quotes-as-references",
        "html-longest-reference-names",
    ],
)
def test_a_definition_in_quotes_or_markup_is_defined_inline(small: Glossary, text: str, options: Options) -> None:
    result = annotation(text, small, options)
    assert result.text == text
    assert [(d.match.acronym, d.action.value, d.reason) for d in result.decisions] == [
        ("SNP", "keep", "defined inline")
    ]


@pytest.mark.parametrize(
    ("text", "acronym"),
    [
        pytest.param(
            'The Community Safety Partnership (the "CSP") meets. The CSP met.', "CSP", id="article-and-quotes"
        ),
        pytest.param("The Community Safety Partnership (the CSP) meets. The CSP agreed.", "CSP", id="article"),
        pytest.param("The Community Safety Partnership (the “CSP”) meets. The CSP agreed.", "CSP", id="curly-quotes"),
        pytest.param("The Community Safety Partnership (the 'CSP') meets. The CSP agreed.", "CSP", id="single-quotes"),
        pytest.param('The Community Safety Partnership (hereafter "CSP") meets. CSP agreed.', "CSP", id="hereafter"),
        pytest.param('The Police and Crime Panel ("the Panel" or "PCP") met. PCP agreed.', "PCP", id="quoted-name-or"),
    ],
)
def test_a_definition_after_an_article_or_a_name_introduces_the_acronym(text: str, acronym: str) -> None:
    """`Long Form (the "SF")` is the author's definition: no expansion inside it, and later uses are introduced."""
    result = annotation(text, Glossary.bundled())
    assert result.text == text
    assert [(d.match.acronym, d.reason) for d in result.decisions] == [
        (acronym, "defined inline"),
        (acronym, "already introduced at line 1"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "the Force (the PCC agreed) met.",
            "the Force (the Police and Crime Commissioner (PCC) agreed) met.",
            id="article-then-a-clause",
        ),
        pytest.param(
            "The Community Safety Partnership (the CSP's plan) met.",
            "The Community Safety Partnership (the Community Safety Partnership's (CSP's) plan) met.",
            id="article-then-a-possessive-phrase",
        ),
        pytest.param(
            'The Force (the "PCC") met.',
            'The Force (the "Police and Crime Commissioner (PCC)") met.',
            id="article-without-the-long-form",
        ),
    ],
)
def test_an_article_before_an_acronym_in_brackets_defines_nothing_alone(text: str, expected: str) -> None:
    bundled = Glossary.bundled()
    assert annotate(text, bundled) == expected
    assert annotate(expected, bundled) == expected


def test_nothing_is_inserted_before_the_short_form_after_a_quoted_name(small: Glossary) -> None:
    """An expansion of PCC in `("the PCC Panel" or "SNP")` would hide the definition of SNP from the next run."""
    text = 'The Safer Neighbourhood Panel ("the PCC Panel" or "SNP") met. PCC agreed.'
    once = annotate(text, small)
    assert (
        once
        == 'The Safer Neighbourhood Panel ("the PCC Panel" or "SNP") met. Police and Crime Commissioner (PCC) agreed.'
    )
    assert annotate(once, small) == once


def test_a_quoted_definition_introduces_the_acronym(small: Glossary) -> None:
    text = "The Safer Neighbourhood Panel (“SNP”) met. SNP agreed."
    result = annotation(text, small)
    assert result.text == text
    assert [d.reason for d in result.decisions] == ["defined inline", "already introduced at line 1"]


@pytest.mark.parametrize(
    ("text", "options", "expected"),
    [
        ('The panel ("SNP") met.', Options(), 'The panel ("Safer Neighbourhood Panel (SNP)") met.'),
        (
            "<p><b>Neighbourhood Panel</b> (SNP) met.</p>",
            HTML,
            "<p><b>Neighbourhood Panel</b> (Safer Neighbourhood Panel (SNP)) met.</p>",
        ),
        ("*Panel* (*SNP*) met.", MARKDOWN, "*Panel* (*Safer Neighbourhood Panel (SNP)*) met."),
    ],
    ids=["quotes-without-long-form", "html-other-words", "markdown-other-words"],
)
def test_quotes_or_markup_without_the_long_form_define_nothing(
    small: Glossary, text: str, options: Options, expected: str
) -> None:
    assert annotate(text, small, options) == expected
    assert annotate(expected, small, options) == expected


@pytest.mark.parametrize(
    ("text", "options", "expected"),
    [
        (
            "He said 'the PCSOs' were late.",
            Options(),
            "He said 'the Police Community Support Officers (PCSOs)' were late.",
        ),
        ("The ‘PCSOs’ term.", Options(), "The ‘Police Community Support Officers (PCSOs)’ term."),
        (
            "He said 'the PCSOs' were late.",
            FOOTNOTE,
            "He said 'the PCSOs[1]' were late.\n\nNotes\n\n[1] PCSO: Police Community Support Officer\n",
        ),
        (
            "The ‘PCSOs’ term.",
            MARKDOWN_FOOTNOTE,
            "The ‘PCSOs[^PCSO]’ term.\n\n[^PCSO]: Police Community Support Officer\n",
        ),
        ("the PCSOs' van.", Options(), "the Police Community Support Officers' (PCSOs') van."),
        ("'Yes,' the PCSOs' van.", Options(), "'Yes,' the Police Community Support Officers' (PCSOs') van."),
    ],
    ids=[
        "straight-quote",
        "curly-quote",
        "straight-quote-footnote",
        "curly-quote-markdown-footnote",
        "plural-possessive",
        "closed-quote-then-plural-possessive",
    ],
)
def test_a_quote_closed_after_a_plural_is_not_a_possessive(
    small: Glossary, text: str, options: Options, expected: str
) -> None:
    assert annotate(text, small, options) == expected
    assert annotate(expected, small, options) == expected


def test_initials_defined_inline_are_not_expanded_with_the_glossary_sense() -> None:
    glossary = Glossary.from_entries([Entry("ME", "Myalgic Encephalomyelitis")])
    text = "Present: Matthew Ellis (ME):Staffordshire Commissioner. ME thanked everyone."
    assert annotate(text, glossary) == text


def test_ambiguous_acronym_takes_the_sense_its_context_names(small: Glossary) -> None:
    assert annotate("The CC set the council budget with councillors.", small) == (
        "The County Council (CC) set the council budget with councillors."
    )


@pytest.mark.parametrize("mark", ["'", "\u2019", "\u2018", "\u02bc"], ids=["straight", "right", "left", "modifier"])
def test_a_definition_with_any_apostrophe_names_its_glossary_sense(mark: str) -> None:
    glossary = Glossary.from_entries([Entry("HMI", "Her Majesty's Inspector"), Entry("HMI", "Human Machine Interface")])
    result = annotation(f"Her Majesty{mark}s Inspector (HMI) came.\n\nLater HMI said.", glossary)
    assert [(d.action.value, d.reason, d.entry and d.entry.expansion) for d in result.decisions] == [
        ("keep", "defined inline", "Her Majesty's Inspector"),
        ("keep", "already introduced at line 1", None),
    ]


def test_ambiguous_acronym_without_context_is_left_alone(small: Glossary) -> None:
    result = annotation("Nothing here says which CC.", small)
    assert result.text == "Nothing here says which CC."
    assert [(d.action.value, d.reason) for d in result.decisions] == [
        ("skip", "ambiguous: 2 senses and the context does not decide")
    ]


def test_footnotes_in_plain_text(small: Glossary) -> None:
    text = "SNP and PCSOs.\r\nSNP again.\r\n"
    assert annotate(text, small, FOOTNOTE) == (
        "SNP[1] and PCSOs[2].\r\nSNP again.\r\n"
        "\r\nNotes\r\n\r\n[1] SNP: Safer Neighbourhood Panel\r\n[2] PCSO: Police Community Support Officer\r\n"
    )


def test_footnotes_on_every_use_share_one_note(small: Glossary) -> None:
    assert annotate("SNP, SNP", small, Options(style=Style.FOOTNOTE, every_use=True)) == (
        "SNP[1], SNP[1]\n\nNotes\n\n[1] SNP: Safer Neighbourhood Panel\n"
    )


def test_footnotes_in_markdown(small: Glossary) -> None:
    assert annotate("# Minutes\n\nSNP and PCSOs.\n", small, MARKDOWN_FOOTNOTE) == (
        "# Minutes\n\nSNP[^SNP] and PCSOs[^PCSO].\n\n"
        "[^SNP]: Safer Neighbourhood Panel\n[^PCSO]: Police Community Support Officer\n"
    )


def test_new_notes_continue_an_existing_notes_list(small: Glossary) -> None:
    first = annotate("SNP met.", small, FOOTNOTE)
    edited = first.replace("SNP[1] met.", "SNP[1] met the PCC.")
    assert annotate(edited, small, FOOTNOTE) == (
        "SNP[1] met the PCC[2].\n\nNotes\n\n[1] SNP: Safer Neighbourhood Panel\n[2] PCC: Police and Crime Commissioner\n"
    )


@pytest.mark.parametrize(
    "text",
    [
        "Run `SNP --help` first.",
        "```\nSNP = 1\n```\n",
        "~~~python\nSNP = 1\n~~~\n",
        "Para.\n\n    SNP indented code\n",
        "See [the panel](https://example.org/SNP).",
        "![logo](SNP.png)",
        "Mail snp.SNP@police.uk today.",
        '<span title="SNP">x</span>',
        "<!-- SNP -->",
        "[SNP]: https://example.org",
    ],
    ids=[
        "code-span",
        "fenced",
        "tilde-fence",
        "indented",
        "link-target",
        "image-target",
        "email",
        "attribute",
        "comment",
        "reference-definition",
    ],
)
def test_markdown_protected_regions_are_untouched(small: Glossary, text: str) -> None:
    assert annotate(text, small, MARKDOWN) == text


@pytest.mark.parametrize(
    "text",
    [
        "Web cast at www.SNP.gov.uk today",
        "See https://police.uk/SNP/report.",
        '<ul class="SNP"> and <i>text</i>',
        "E-mail SNP@staffs.police.uk please",
    ],
    ids=["www", "https", "tag-attribute", "email"],
)
def test_plain_text_leaves_urls_addresses_and_tags_alone(small: Glossary, text: str) -> None:
    assert annotate(text, small) == text


def test_text_between_tags_is_annotated(small: Glossary) -> None:
    assert annotate("<p>SNP met.</p>", small) == "<p>Safer Neighbourhood Panel (SNP) met.</p>"


def test_markdown_inserted_text_is_escaped() -> None:
    glossary = Glossary.from_entries([Entry("XSS", "Cross_Site <script>")])
    assert annotate("XSS", glossary, MARKDOWN) == "Cross\\_Site &lt;script&gt; (XSS)"


def test_document_glossary_section_fills_gaps_but_is_not_annotated(small: Glossary) -> None:
    text = "ETAP met. SNP too.\n\nGlossary\n\nETAP\tEthics, Transparency and Audit Panel\nSNP\tSafer Panels\n"
    assert annotate(text, small) == (
        "Ethics, Transparency and Audit Panel (ETAP) met. Safer Neighbourhood Panel (SNP) too.\n\n"
        "Glossary\n\nETAP\tEthics, Transparency and Audit Panel\nSNP\tSafer Panels\n"
    )


def test_document_glossary_can_be_ignored(small: Glossary) -> None:
    text = "ETAP met.\n\nGlossary\n\nETAP\tEthics, Transparency and Audit Panel\n"
    assert annotate(text, small, Options(document_glossary=False)) == text


def test_decisions_explain_themselves(small: Glossary) -> None:
    result = annotation("SNP, `SNP` and SNP", small, MARKDOWN)
    assert [(d.match.start, d.action.value, d.reason) for d in result.decisions] == [
        (0, "expand", "first use"),
        (6, "skip", "inside code"),
        (15, "keep", "already introduced at line 1"),
    ]


def remove_insertions(annotated: str, insertions: tuple[Insertion, ...]) -> str:
    """Undo `annotate` using only what it reports having inserted."""
    pieces, position = [], 0
    shift = 0
    for insertion in insertions:
        at = insertion.offset + shift
        pieces.append(annotated[position:at])
        assert annotated[at : at + len(insertion.text)] == insertion.text
        position = at + len(insertion.text)
        shift += len(insertion.text)
    pieces.append(annotated[position:])
    return "".join(pieces)


PIECES = st.sampled_from(
    [
        "SNP",
        "SNPs",
        "PCC's",
        "PCCs’",
        "PCSO",
        "CC",
        "ACC",
        "A/ACC",
        "UK",
        "council",
        "xSNP",
        "SNP2",
        "İ",
        "é",
        " ",
        " ",
        "\u00a0",
        "\n",
        "\r\n",
        "\t",
        "(",
        ")",
        "`",
        "```\n",
        "<b>",
        "</b>",
        "[1]",
        "[^SNP]",
        "Safer Neighbourhood Panel",
        "Police and Crime Commissioner",
        ", or ",
        ",",
        "(also known as ",
        "the ",
        "Notes\n",
        "Glossary\n",
        "SNP\tSafer\n",
        "https://x.org/SNP",
        "a@b.uk",
        "—",
        "“",
    ]
)
TEXTS = st.lists(PIECES, max_size=40).map("".join)
ALL_OPTIONS = st.sampled_from(
    [
        Options(),
        FOOTNOTE,
        MARKDOWN,
        MARKDOWN_FOOTNOTE,
        Options(every_use=True),
        Options(style=Style.FOOTNOTE, every_use=True, format=Format.MARKDOWN),
    ]
)


@settings(max_examples=300, deadline=None)
@given(text=TEXTS, options=ALL_OPTIONS)
def test_removing_the_insertions_gives_back_the_original(small: Glossary, text: str, options: Options) -> None:
    result = annotation(text, small, options)
    assert remove_insertions(result.text, result.insertions) == text


@settings(max_examples=300, deadline=None)
@given(text=TEXTS, options=ALL_OPTIONS)
def test_annotating_twice_equals_annotating_once(small: Glossary, text: str, options: Options) -> None:
    once = annotate(text, small, options)
    assert annotate(once, small, options) == once


@pytest.mark.parametrize(
    "text",
    ["SNP SNP CC\n\nCC ACC", "SNPSNP SNPs\tSNPA/ACC", "CC ACC", "PCCs’SNP SNP"],
    ids=["later-definition-of-a-sense", "capitals-line-with-plural", "context-from-expansion", "glued-possessive"],
)
def test_annotating_twice_equals_annotating_once_regressions(small: Glossary, text: str) -> None:
    once = annotate(text, small)
    assert annotate(once, small) == once


@pytest.mark.parametrize(
    ("text", "every_use"),
    [("PCCs’SNP", False), ("SNP SNP&rsquo;SNP", True), ("SNP SNP'SNP", True)],
    ids=["curly", "reference", "straight"],
)
def test_html_footnote_beside_glued_words_is_stable(small: Glossary, text: str, every_use: bool) -> None:
    """An HTML footnote marker between words an apostrophe glues (`PCCs’SNP`) would read as white space next time."""
    options = Options(style=Style.FOOTNOTE, format=Format.HTML, every_use=every_use)
    once = annotate(text, small, options)
    assert annotate(once, small, options) == once


# The marks that end a token before white space but that spaCy leaves inside one when a word follows
# (a straight double quote may also open a quotation: `PCC"SNP` is read as a quote before `SNP`).
GLUING_MARKS = [")", "]", "}", ";", "!", "?", "”", "»"]


@pytest.mark.parametrize("mark", GLUING_MARKS + ["(", "[", "{", "“", "‘", "«"])
@pytest.mark.parametrize("style", [Style.FOOTNOTE, Style.TOOLTIP])
def test_html_annotation_beside_a_mark_glued_to_the_next_word_is_stable(
    small: Glossary, mark: str, style: Style
) -> None:
    """`PCC;SNP` and `PCC(SNP` are one token to spaCy. Judging `PCC` alone by the mark after it (or `SNP` by the
    mark before it) expanded it and not the other, and the marker or tooltip then parted them, so the next run
    expanded the other too. Now neither is expanded."""
    text = f"<p>The PCC{mark}SNP met.</p>\n"
    options = Options(style=style, format=Format.HTML)
    once = annotate(text, small, options)
    assert once == text
    assert annotate(once, small, options) == once


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The PCC;SNP met. The PCC)x met.", "The PCC;SNP met. The PCC)x met."),
        ("The PCC; SNP met.", "The Police and Crime Commissioner (PCC); Safer Neighbourhood Panel (SNP) met."),
        ("(The PCC).", "(The Police and Crime Commissioner (PCC))."),
        ("The PCC,SNP met.", "The Police and Crime Commissioner (PCC),Safer Neighbourhood Panel (SNP) met."),
        ("The meeting(PCC) and “SNP”.", "The meeting(PCC) and “Safer Neighbourhood Panel (SNP)”."),
        ("Police and Crime Commissioner(PCC) met.", "Police and Crime Commissioner(PCC) met."),
    ],
    ids=[
        "glued-by-marks",
        "spaced",
        "marks-before-punctuation",
        "comma-split-between-letters",
        "opening-mark-after-a-word",
        "definition-without-a-space",
    ],
)
def test_a_mark_ends_a_token_as_spacy_reads_it(small: Glossary, text: str, expected: str) -> None:
    """A closing mark only before white space or punctuation, an opening one only after them; spaCy splits a
    comma between letters, the other marks not. A definition's brackets still bound its short form."""
    assert annotate(text, small) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The PCCs’SNP met.", "The PCCs’SNP met."),
        ("The SNP'SNP met.", "The SNP'SNP met."),
        (
            "The SNP’s van and the PCCs’ office.",
            "The Safer Neighbourhood Panel’s (SNP’s) van and the Police and Crime Commissioners’ (PCCs’) office.",
        ),
        ("‘The SNP’ met.", "‘The Safer Neighbourhood Panel (SNP)’ met."),
        (
            "The SNP’ll meet. The PCC'd agreed.",
            "The Safer Neighbourhood Panel (SNP)’ll meet. The Police and Crime Commissioner (PCC)'d agreed.",
        ),
    ],
    ids=["plural-glued", "glued", "possessives", "closing-quote", "contractions"],
)
def test_an_apostrophe_between_words_glues_them_into_one_token(small: Glossary, text: str, expected: str) -> None:
    assert annotate(text, small) == expected


@pytest.mark.parametrize("enabled", [True, False])
def test_annotation_leaves_the_garbage_collector_as_it_found_it(small: Glossary, enabled: bool) -> None:
    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        annotate("SNP met the SNP.", small)
        find("SNP met.", small)
        assert gc.isenabled() is enabled
        with pytest.raises(UsageError):  # also when annotation fails
            annotate("Ref A-SNP-7.", small, Options(spacy_model="no-such-pipeline-here"))  # spaCy reads the code
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()


@pytest.mark.parametrize(
    ("text", "options", "expected"),
    [
        ("The SNP[^1] met.\n\n[^1]: x\n", MARKDOWN, "The Safer Neighbourhood Panel (SNP)[^1] met.\n\n[^1]: x\n"),
        ("The SNP[1] met.", TEXT, "The Safer Neighbourhood Panel (SNP)[1] met."),
        ("The SNP[12]. Then", TEXT, "The Safer Neighbourhood Panel (SNP)[12]. Then"),
        ("PCC/SNP[1] met.", TEXT, "Police and Crime Commissioner (PCC)/Safer Neighbourhood Panel (SNP)[1] met."),
        ("The SNP[1] met.", Options(context=ContextMode.FULL), "The Safer Neighbourhood Panel (SNP)[1] met."),
        ("<p>The SNP<sup>1</sup> met.</p>", HTML, "<p>The Safer Neighbourhood Panel (SNP)<sup>1</sup> met.</p>"),
        (
            '<p>SNP<sup><a href="#fn1">1</a></sup> met.</p>',
            HTML,
            '<p>Safer Neighbourhood Panel (SNP)<sup><a href="#fn1">1</a></sup> met.</p>',
        ),
        ("The SNP[x] met.", TEXT, "The SNP[x] met."),
    ],
    ids=[
        "markdown",
        "text",
        "text-then-full-stop",
        "slash-before",
        "full-context",
        "html-sup",
        "html-sup-link",
        "not-a-note",
    ],
)
def test_a_footnote_reference_after_an_acronym_is_a_boundary(
    small: Glossary, text: str, options: Options, expected: str
) -> None:
    once = annotate(text, small, options)
    assert once == expected
    assert annotate(once, small, options) == once


FULL_REPLACE = Options(context=ContextMode.FULL, glossary_section=GlossaryMode.REPLACE)


@pytest.mark.parametrize("options", [FULL_REPLACE, Options(context=ContextMode.FULL)], ids=["replace", "inline"])
def test_full_context_reads_an_expansion_glued_to_a_slash_as_a_definition(small: Glossary, options: Options) -> None:
    """spaCy reads `PCCs)/politicians` as one token; the brackets annotation wrote still bound the short form."""
    text = "Other issue for PCCs/politicians.\n\nGlossary\n\nPCC\tPolice and Crime Commissioner\nSNP\tSafer Panel\n"
    once = annotation(text, small, options)
    assert "Police and Crime Commissioners (PCCs)/politicians." in once.text
    twice = annotation(once.text, small, options)
    assert twice.text == once.text
    assert (twice.decisions[0].action.value, twice.decisions[0].reason) == ("keep", "defined inline")


def test_the_sample_annotated_twice_with_full_context_and_replace_equals_once(sample_text: str) -> None:
    once = annotate(sample_text, Glossary.bundled(), FULL_REPLACE)
    assert "PCC\tPolice and Crime Commissioner" in once
    assert annotate(once, Glossary.bundled(), FULL_REPLACE) == once


@pytest.mark.parametrize("format", [Format.HTML, Format.MARKDOWN], ids=["html", "markdown"])
@pytest.mark.parametrize("style", [Style.INLINE, Style.FOOTNOTE], ids=["inline", "footnote"])
@pytest.mark.parametrize("amp", ["&amp;", "&#38;"])
def test_a_long_form_written_with_a_reference_to_an_ampersand_defines_its_acronym(
    format: Format, style: Style, amp: str
) -> None:
    """Many commissioners' pages write `Police &amp; Crime Commissioner (PCC)`: the author's own definition."""
    text = f"The Police {amp} Crime Commissioner (PCC) is elected. The PCC met.\n"
    text = f"<p>{text}</p>" if format is Format.HTML else text  # (a Markdown line of <p> is an HTML block)
    result = annotation(text, Glossary.bundled(), Options(format=format, style=style))
    assert result.text == text
    assert [(d.reason, d.entry.expansion if d.entry else None) for d in result.decisions] == [
        ("defined inline", "Police and Crime Commissioner"),
        ("already introduced at line 1", "Police and Crime Commissioner"),
    ]


def paragraph(text: str, format: Format) -> str:
    """`text` as a document of one paragraph in `format` (HTML or Markdown)."""
    return f"<p>{text}</p>\n" if format is Format.HTML else text + "\n"


def reasons_leaving_unchanged(text: str, format: Format) -> list[str]:
    """The reasons of annotation's decisions on `text` as a paragraph in `format`, which it must leave as it is."""
    document = paragraph(text, format)
    result = annotation(document, Glossary.bundled(), Options(format=format))
    assert result.text == document
    return [decision.reason for decision in result.decisions]


@pytest.mark.parametrize("format", [Format.HTML, Format.MARKDOWN], ids=["html", "markdown"])
@pytest.mark.parametrize("style", [Style.INLINE, Style.TOOLTIP], ids=["inline", "tooltip"])
@pytest.mark.parametrize("shy", ["&shy;", "&#173;", "&#xAD;", "\u00ad"], ids=["shy", "decimal", "hex", "character"])
def test_a_long_form_with_a_soft_hyphen_defines_its_acronym(format: Format, style: Style, shy: str) -> None:
    """Word writes an optional hyphen as a soft hyphen, which no reader sees: `Neighbour&shy;hood Policing Team (NPT)`
    is the author's definition, and no expansion goes inside its brackets."""
    text = f"The Neighbour{shy}hood Policing Team (NPT) met."
    text = paragraph(text, format)
    result = annotation(text, Glossary.bundled(), Options(format=format, style=style))
    assert result.text == text
    assert [(d.reason, d.entry.expansion if d.entry else None) for d in result.decisions] == [
        ("defined inline", "Neighbourhood Policing Team")
    ]


@pytest.mark.parametrize("format", [Format.HTML, Format.MARKDOWN], ids=["html", "markdown"])
@pytest.mark.parametrize("space", ["&nbsp;", "&nbsp; ", "&#160;"], ids=["nbsp", "word-double-space", "decimal"])
def test_a_long_form_before_a_no_break_space_defines_its_acronym(format: Format, space: str) -> None:
    """Word's filtered HTML writes two spaces as `&nbsp; `: `Safer Neighbourhood Panel&nbsp; (SNP)` is the author's
    definition, and no expansion goes inside its brackets."""
    text = f"The Safer Neighbourhood Panel{space}(SNP) met. The SNP agreed."
    assert reasons_leaving_unchanged(text, format) == ["defined inline", "already introduced at line 1"]


@pytest.mark.parametrize(
    ("format", "short"),
    [
        (Format.HTML, "<b>SNP</b> "),
        (Format.HTML, "<b><i>SNP</i></b>  "),
        (Format.HTML, "&ldquo;SNP&rdquo; "),
        (Format.HTML, "SNP&nbsp;"),
        (Format.HTML, "<b>SNP</b>&nbsp; "),
        (Format.MARKDOWN, "**SNP** "),
        (Format.MARKDOWN, "“**SNP**”  "),
        (Format.MARKDOWN, "SNP&#160;"),
    ],
    ids=[
        "bold",
        "bold-italic-two-spaces",
        "quote-references",
        "nbsp",
        "bold-nbsp",
        "md-bold",
        "md-quoted-bold",
        "md-160",
    ],
)
def test_a_short_form_in_markup_before_its_long_form_in_brackets_is_a_definition(format: Format, short: str) -> None:
    """`<b>SNP</b> (Safer Neighbourhood Panel)` defines SNP: the expansion used to go inside the bold, beside the
    author's own, `<b>Safer Neighbourhood Panel (SNP)</b> (Safer Neighbourhood Panel)`."""
    text = f"The {short}(Safer Neighbourhood Panel) met. The SNP agreed."
    assert reasons_leaving_unchanged(text, format) == ["defined inline", "already introduced at line 1"]


@pytest.mark.parametrize(
    ("format", "long"),
    [
        (Format.HTML, "Safer <span lang=EN-US>Neighbourhood</span> Panel"),
        (Format.HTML, "<span lang=EN-GB>Safer </span><span lang=EN-US>Neighbourhood\r\nPanel</span>"),
        (Format.HTML, "Safer <span\nlang=EN-US>Neighbourhood</span>\nPanel"),
        (Format.MARKDOWN, 'Safer <span lang="en-US">Neighbourhood</span> Panel'),
    ],
    ids=["word-lang-span", "spans-and-crlf", "tag-over-lines", "markdown-inline-html"],
)
def test_a_long_form_with_tags_inside_defines_its_acronym(format: Format, long: str) -> None:
    """Word writes `<span lang=EN-US>` around a word in another language, and wraps its lines: the long form still
    defines the acronym. The expansion used to go inside the brackets, `Panel (Safer Neighbourhood Panel (SNP))`."""
    reasons = reasons_leaving_unchanged(f"The {long} (SNP) met. The SNP agreed.", format)
    assert [reason.split(" at line")[0] for reason in reasons] == ["defined inline", "already introduced"]


@pytest.mark.parametrize(
    ("format", "definition"),
    [
        (Format.HTML, "<b>GP</b> (Grants Panel)"),
        (Format.HTML, "GP&nbsp;(Grants Panel)"),
        (Format.HTML, "Grants <span lang=EN-US>Panel</span> (GP)"),
        (Format.HTML, "<i>Grants\r\nPanel</i> (<b>GP</b>)"),
        (Format.MARKDOWN, "**GP** (Grants Panel)"),
        (Format.MARKDOWN, "*Grants* Panel (GP)"),
    ],
    ids=["bold-short", "nbsp", "lang-span-long", "italic-long-bold-short", "md-bold-short", "md-emphasis-long"],
)
def test_an_authors_own_sense_through_markup_is_its_definition(format: Format, definition: str) -> None:
    """`scan` and `check` read these as the author's definition of GP; annotate wrote the glossary's General
    Practitioner beside it: `<b>General Practitioner (GP)</b> (Grants Panel)`. The glossary section it writes
    lists the author's sense."""
    text = f"The {definition} met. The GP agreed."
    text = paragraph(text, format)
    result = annotation(text, Glossary.bundled(), Options(format=format, glossary_section=GlossaryMode.APPEND))
    assert result.text.startswith(text.rstrip("\n"))
    assert [(d.reason.split(" at line")[0], d.entry and d.entry.expansion) for d in result.decisions] == [
        ("defined inline", "Grants Panel"),
        ("already introduced", "Grants Panel"),
    ]


def test_words_and_tags_that_spell_no_long_form_are_no_definition() -> None:
    text = "<p>The <i>Safer</i> Panel (SNP) met.</p>"
    assert annotate(text, Glossary.bundled(), Options(format=Format.HTML)) == text.replace(
        "(SNP)", "(Safer Neighbourhood Panel (SNP))"
    )


def test_a_short_form_in_markup_before_other_words_in_brackets_is_expanded() -> None:
    text = "<p>The <b>SNP</b> (the panel) and SNP&nbsp;x (y) met.</p>"
    assert annotate(text, Glossary.bundled(), Options(format=Format.HTML)) == text.replace(
        "<b>SNP</b>", "<b>Safer Neighbourhood Panel (SNP)</b>", 1
    )  # and the second SNP is already introduced


@pytest.mark.parametrize(
    "markup",
    [
        '<a href="/x" title="a > b PCC list">the list</a>',
        '<img alt="Before > after: PCC on patrol" src="p.png">',
        '<script>alert("PCC team")</script>',
        '<style>p { content: "PCC office" }</style>',
        "<code>PCC --help</code>",
        "<kbd>PCC</kbd>",
    ],
    ids=["quoted-gt-in-a-title", "quoted-gt-in-an-alt", "script", "style", "code", "kbd"],
)
@pytest.mark.parametrize("style", [Style.INLINE, Style.FOOTNOTE], ids=["inline", "footnote"])
def test_markdown_leaves_inline_html_attributes_and_code_alone(markup: str, style: Style) -> None:
    """Inline HTML in a Markdown paragraph: its attributes, code and raw text are no prose."""
    text = f"See {markup} here. The PCC met.\n"
    once = annotate(text, Glossary.bundled(), Options(format=Format.MARKDOWN, style=style))
    assert once.startswith(f"See {markup} here. The ")
    assert once != text  # the PCC after it is its first use


@pytest.mark.parametrize("style", [Style.INLINE, Style.FOOTNOTE, Style.TOOLTIP], ids=["inline", "footnote", "tooltip"])
@pytest.mark.parametrize(
    "image",
    ['![OPCC logo](/img/opcc.png "The OPCC")', "![OPCC logo][logo]", "![OPCC logo]"],
    ids=["inline", "reference", "shortcut"],
)
def test_markdown_image_alt_text_spends_no_first_use(image: str, style: Style) -> None:
    text = f"{image}\n\nThe OPCC publishes its plan.\n"
    result = annotation(text, Glossary.bundled(), Options(format=Format.MARKDOWN, style=style))
    assert result.text.startswith(f"{image}\n\nThe ")
    assert [(d.action.value, d.reason) for d in result.decisions] == [
        ("skip", "inside an image"),
        *([("skip", "inside an image")] if "The OPCC" in image else []),
        ("expand", "first use"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The Grants Panel [GP] met. The GP agreed.",
        "The Safer Neighbourhood Panel [SNP] met. The SNP agreed.",
        "The SNP [Safer Neighbourhood Panel] met. The SNP agreed.",
    ],
    ids=["own-sense", "glossary-sense", "short-form-first"],
)
def test_a_definition_in_square_brackets_is_kept_as_scan_and_check_read_it(text: str) -> None:
    """`The Grants Panel [GP]` became `The Grants Panel [General Practitioner (GP)]`, while check read the definition."""
    glossary = Glossary.bundled()
    first = annotation(text, glossary).decisions[0]
    assert (first.action, first.reason) == (Action.KEEP, "defined inline")
    assert annotate(text, glossary) == text
    assert [definition.kind.value for definition in scan(text, glossary).definitions] == ["inline"]
