import Testing
@testable import SiteGen

@Suite("Markdown in descriptions")
struct MarkdownTests {
    let glossary = Markdown.Glossary([("Lifetime value", "glossary/ltv.html"), ("LTV", "glossary/ltv.html"), ("value", "glossary/value.html")])

    @Test func rendersCommonMark() {
        #expect(Markdown.html("Only **paid** orders; see `order_totals`.") == "<p>Only <strong>paid</strong> orders; see <code>order_totals</code>.</p>\n")
        #expect(Markdown.html("- one\n- two") == "<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n")
    }

    @Test func rawHTMLAndScriptLinksNeverPassThrough() {
        let html = Markdown.html("Hi <script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1))")
        #expect(!html.contains("<script") && !html.contains("<img") && !html.contains("javascript:"))
        #expect(html.contains("<!-- raw HTML omitted -->"))
    }

    @Test func plainTextStaysTextEvenWithMarkupInIt() {
        #expect(Markdown.html("People who buy <things> & *stuff*", markdown: false) == "<p>People who buy &lt;things&gt; &amp; *stuff*</p>\n")
    }

    /// "values" is not the word "value", and LTV is the same term as lifetime value, already linked.
    @Test func glossaryTermsAreLinkedOnceAsWholeWordsAndNotInsideCode() {
        let html = Markdown.html("The lifetime value, not `lifetime value` nor values; LTV again, lifetime value twice.",
                                 glossary: glossary, linkPrefix: "../../")
        #expect(html == "<p>The <a href=\"../../glossary/ltv.html\" title=\"Glossary: Lifetime value\">lifetime value</a>, "
            + "not <code>lifetime value</code> nor values; LTV again, "
            + "lifetime value twice.</p>\n")
    }

    @Test func aLinkIsNotLinkedAgain() {
        let html = Markdown.html("[Lifetime value report](https://example.com/r)", glossary: glossary)
        #expect(html == "<p><a href=\"https://example.com/r\">Lifetime value report</a></p>\n")
    }

    @Test func plainSentencesSkipTheParserAndGiveWhatCmarkWould() {
        for text in ["Identifier of the customer (references customers.customer_id).", "Amount in EUR, e.g. 12.50 or 3,000.",
                     "Ünïcödé text with an intra_word underscore."] {
            #expect(Markdown.isPlain(text), "\(text)")
            #expect(Markdown.html(text) == Markdown.html(text + "\n\n"), "\(text)")
        }
        for text in ["_emphasis_ here", "ends with_", "1. a list", "- a list", "a *star*", "a `code`", "line\nbreak", " padded "] {
            #expect(!Markdown.isPlain(text), "\(text)")
        }
    }
}
