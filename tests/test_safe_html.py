"""Text from data reaches HTML escaped, and only http(s) links become links."""

import json

import pytest

from hemisphere.data.safe_html import escape, is_safe_url, json_for_script, link, link_list

HOSTILE = '</script><img src=x onerror="alert(1)"> ${alert(2)} \' " & <!-- ]]>'


def test_escape_turns_markup_into_text():
    assert escape(HOSTILE) == (
        "&lt;/script&gt;&lt;img src=x onerror=&quot;alert(1)&quot;&gt; ${alert(2)} &#x27; &quot; &amp; &lt;!-- ]]&gt;"
    )
    assert escape(None) == ""


@pytest.mark.parametrize("url", ["https://example.org/a?b=1&c=2", "http://example.org", " https://example.org/x "])
def test_http_and_https_links_are_safe(url):
    assert is_safe_url(url)


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<script>", "vbscript:x", "//example.org",
     "/relative", "example.org", "https://", "https://exa mple.org", "java\nscript:alert(1)", "", None, 42],
)
def test_other_links_are_refused(url):
    assert not is_safe_url(url)


def test_link_escapes_the_address_and_label_and_drops_unsafe_targets():
    made = link('https://example.org/?q="><script>', '<b>label</b>')
    assert made.startswith('<a href="https://example.org/?q=&quot;&gt;&lt;script&gt;"')
    assert "&lt;b&gt;label&lt;/b&gt;" in made and 'rel="noopener noreferrer"' in made
    assert link("javascript:alert(1)", "click") == "click"
    assert "javascript" not in link_list(["javascript:alert(1)", "https://example.org"])


def test_json_for_script_cannot_close_the_script_and_round_trips():
    text = json_for_script({"note": HOSTILE, "line": "a\u2028b"})
    assert "</script" not in text.lower() and "<!--" not in text and "<img" not in text
    assert json.loads(text) == {"note": HOSTILE, "line": "a\u2028b"}
