import Foundation
import Testing
@testable import SiteGen

/// Schema Scribe's Mustache renders what a theme can write: the cases below follow the Mustache spec's
/// interpolation, sections, inverted sections, comments, partials, delimiters and inheritance, and the
/// transforms (`empty(list)`, `last()`) the default theme uses.
@Suite("Mustache templates")
struct MustacheTests {
    /// `template` rendered with `data`, the other templates available as partials and parents.
    static func render(_ template: String, _ data: Any, partials: [String: String] = [:]) throws -> String {
        var library = MustacheLibrary()
        try library.register(template, named: "test")
        for (name, text) in partials { try library.register(text, named: name) }
        return String(decoding: try #require(library.render(data, withTemplate: "test")), as: UTF8.self)
    }

    // MARK: Interpolation

    @Test func textWithoutTagsIsCopied() throws {
        #expect(try Self.render("Hello from {Mustache}!\n", [String: Any]()) == "Hello from {Mustache}!\n")
    }

    @Test func variablesAreHTMLEscapedUnlessTripleOrAmpersand() throws {
        let data: [String: Any] = ["forbidden": #"& " < > '"#]
        #expect(try Self.render("{{forbidden}}", data) == "&amp; &quot; &lt; &gt; &#39;")
        #expect(try Self.render("{{{forbidden}}}", data) == #"& " < > '"#)
        #expect(try Self.render("{{&forbidden}}", data) == #"& " < > '"#)
        #expect(try Self.render("{{ forbidden }}|{{{ forbidden }}}|{{& forbidden }}", ["forbidden": "<"]) == "&lt;|<|<")
    }

    @Test func numbersAndBooleansPrintAsWritten() throws {
        #expect(try Self.render("{{n}} {{d}} {{b}}", ["n": 85, "d": 1.5, "b": true] as [String: Any]) == "85 1.5 true")
    }

    @Test func aMissingNamePrintsNothing() throws {
        #expect(try Self.render("I ({{cannot}}) be seen!", [String: Any]()) == "I () be seen!")
    }

    @Test func dottedNamesReachIntoValues() throws {
        let data: [String: Any] = ["person": ["name": "Joe", "address": ["city": "Oslo"]] as [String: Any]]
        #expect(try Self.render("{{person.name}} in {{person.address.city}}", data) == "Joe in Oslo")
        #expect(try Self.render("[{{person.missing.city}}]", data) == "[]")
        // The first part is looked up through the stack; the rest only inside what it found.
        let shadow: [String: Any] = ["a": ["b": [String: Any]()] as [String: Any], "c": ["d": "found"]]
        #expect(try Self.render("{{#a}}[{{b.d}}]{{/a}}", shadow) == "[]")
    }

    @Test func theCurrentValueIsADot() throws {
        #expect(try Self.render("{{#list}}({{.}}){{/list}}", ["list": ["a", "<b>"]]) == "(a)(&lt;b&gt;)")
    }

    // MARK: Sections

    @Test func sectionsRepeatForListsAndOpenForValues() throws {
        let data: [String: Any] = ["list": [["item": 1], ["item": 2]], "yes": true, "no": false, "context": ["name": "Joe"]]
        #expect(try Self.render("{{#list}}{{item}}{{/list}}", data) == "12")
        #expect(try Self.render("{{#yes}}shown{{/yes}}{{#no}}hidden{{/no}}", data) == "shown")
        #expect(try Self.render("{{#context}}Hi {{name}}.{{/context}}", data) == "Hi Joe.")
        #expect(try Self.render("{{#missing}}hidden{{/missing}}", data) == "")
        #expect(try Self.render("[{{#empty}}x{{/empty}}]", ["empty": [String]()]) == "[]")
    }

    @Test func namesNotInARowAreLookedUpAroundIt() throws {
        let data: [String: Any] = ["a": ["one": 1], "b": ["two": 2], "three": 3]
        #expect(try Self.render("{{#a}}{{#b}}{{one}}{{two}}{{three}}{{/b}}{{/a}}", data) == "123")
    }

    @Test func aBlankValueKeepsASectionClosedAndPrintsNothing() throws {
        let data: [String: Any] = ["blank": Blank(), "name": "outer"]
        #expect(try Self.render("[{{#blank}}x{{/blank}}{{^blank}}none{{/blank}}{{blank}}]", data) == "[none]")
    }

    @Test func invertedSectionsRenderForFalseEmptyAndMissing() throws {
        let data: [String: Any] = ["no": false, "yes": true, "list": [String](), "full": ["x"]]
        #expect(try Self.render("{{^no}}a{{/no}}{{^yes}}b{{/yes}}{{^list}}c{{/list}}{{^full}}d{{/full}}{{^missing}}e{{/missing}}", data) == "ace")
    }

    @Test func standaloneTagLinesLeaveNoLineBehind() throws {
        let template = "| This Is\n{{#boolean}}\n|\n{{/boolean}}\n| A Line\n"
        #expect(try Self.render(template, ["boolean": true]) == "| This Is\n|\n| A Line\n")
        #expect(try Self.render("  {{#boolean}}\n#{{/boolean}}\n/", ["boolean": true]) == "#\n/")
        #expect(try Self.render(" | {{#boolean}}\t|\t{{/boolean}} | \n", ["boolean": true]) == " | \t|\t | \n")
        #expect(try Self.render("|\r\n{{#boolean}}\r\n{{/boolean}}\r\n|", ["boolean": true]) == "|\r\n|")
        #expect(try Self.render("Begin.\n{{! Comment }}\nEnd.\n", [String: Any]()) == "Begin.\nEnd.\n")
    }

    // MARK: Transforms

    @Test func transformsAnswerListPositionAndEmptiness() throws {
        let data: [String: Any] = ["list": ["a", "b", "c"], "none": [String]()]
        #expect(try Self.render("{{#list}}{{.}}{{^last()}}, {{/last()}}{{/list}}", data) == "a, b, c")
        #expect(try Self.render("{{#list}}{{#first()}}[{{/first()}}{{index()}}{{/list}}", data) == "[012")
        #expect(try Self.render("{{^empty(list)}}some{{/empty(list)}}{{#empty(none)}} none{{/empty(none)}}", data) == "some none")
        #expect(try Self.render("{{count(list)}} {{uppercased(name)}}", ["list": [1, 2], "name": "ab"] as [String: Any]) == "2 AB")
    }

    // MARK: Comments and delimiters

    @Test func commentsPrintNothing() throws {
        #expect(try Self.render("12345{{! Comment Block! }}67890", [String: Any]()) == "1234567890")
        #expect(try Self.render("12345{{!\n  This is a\n  multi-line comment...\n}}67890\n", [String: Any]()) == "1234567890\n")
    }

    @Test func delimitersCanBeChanged() throws {
        #expect(try Self.render("{{=<% %>=}}(<%text%>)", ["text": "Hey!"]) == "(Hey!)")
        #expect(try Self.render("[\n{{#section}}\n  {{data}}\n  |data|\n{{/section}}\n\n{{= | | =}}\n|#section|\n  {{data}}\n  |data|\n|/section|\n]\n",
                                ["section": true, "data": "I got interpolated."] as [String: Any])
                == "[\n  I got interpolated.\n  |data|\n\n  {{data}}\n  I got interpolated.\n]\n")
    }

    // MARK: Partials

    @Test func partialsRenderInTheCurrentContext() throws {
        #expect(try Self.render("\"{{>text}}\"", ["name": "x"], partials: ["text": "from partial {{name}}"]) == "\"from partial x\"")
        #expect(try Self.render("\"{{>missing}}\"", [String: Any]()) == "\"\"")
        let nested: [String: Any] = ["content": "X", "nodes": [["content": "Y", "nodes": [[String: Any]]()]]]
        #expect(try Self.render("{{>node}}", nested, partials: ["node": "{{content}}<{{#nodes}}{{>node}}{{/nodes}}>"]) == "X<Y<>>")
    }

    @Test func aStandalonePartialIsIndentedLineByLine() throws {
        let partial = "|\n{{{content}}}\n|\n"
        #expect(try Self.render("\\\n {{>partial}}\n/\n", ["content": "<\n->"], partials: ["partial": partial])
                == "\\\n |\n <\n->\n |\n/\n")
    }

    // MARK: Inheritance

    @Test func aParentsBlocksAreOverriddenByTheChild() throws {
        let parents = ["parent": "{{$ballmer}}peaking{{/ballmer}}", "layout": "<main>{{$content}}default{{/content}}</main>"]
        #expect(try Self.render("{{<parent}}{{/parent}}", [String: Any](), partials: parents) == "peaking")
        #expect(try Self.render("{{<parent}}{{$ballmer}}peaked{{/ballmer}}{{/parent}}", [String: Any](), partials: parents) == "peaked")
        #expect(try Self.render("{{<layout}}{{$content}}{{name}}{{/content}}{{/layout}}", ["name": "<x>"], partials: parents)
                == "<main>&lt;x&gt;</main>")
        #expect(try Self.render("{{$title}}Default{{/title}}", [String: Any]()) == "Default")
    }

    @Test func theOutermostOverrideWins() throws {
        let partials = ["grandparent": "{{$a}}g{{/a}}", "parent": "{{<grandparent}}{{$a}}p{{/a}}{{/grandparent}}"]
        #expect(try Self.render("{{<parent}}{{$a}}c{{/a}}{{/parent}}", [String: Any](), partials: partials) == "c")
        #expect(try Self.render("{{<parent}}{{/parent}}", [String: Any](), partials: partials) == "p")
    }

    // MARK: Content types

    @Test func theTextContentTypeDoesNotEscape() throws {
        #expect(try Self.render("{{% CONTENT_TYPE: TEXT}}{{x}}", ["x": "<b>"]) == "<b>")
        #expect(try Self.render("{{% CONTENT_TYPE: HTML_FAST}}\n{{x}}", ["x": "<b>"]) == "&lt;b&gt;")
    }

    // MARK: Errors

    @Test(arguments: [
        ("{{#a}}\nx\n", "line 1, column 4: `{{#a}}` is never closed"),
        ("a\n{{#a}}{{/b}}", "line 2, column 10: `{{/b}}` closes `a`, which is not the open section"),
        ("{{/a}}", "line 1, column 4: `{{/a}}` closes a section that was never opened"),
        ("x\n  {{name", "line 2, column 9: expected `}}` after the name `name`"),
        ("{{{name}}", "line 1, column 10: `{{{` is not closed by `}}}`"),
        ("{{% CONTENT_TYPE: PDF}}", "line 1, column 24: unknown content type `PDF`; known are HTML, HTML_FAST and TEXT"),
        ("{{empty(list}}", "line 1, column 15: `empty(list` is missing a `)`"),
    ])
    func aBadTemplateSaysWhereAndWhy(template: String, message: String) throws {
        #expect(throws: MustacheParser.Failure.self) { try MustacheParser.parse(template) }
        do {
            _ = try MustacheParser.parse(template)
        } catch {
            #expect(error.description == message)
        }
    }

    /// A theme folder of a person's own templates renders, and a bad template stops the build naming its file and line.
    @Test func aThemeOfOwnTemplatesRendersAndABadOneNamesItsFileAndLine() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scribe-theme-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let templates = folder.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        for name in Theme.requiredTemplates {
            try "<h1>{{pageTitle}}</h1>\n".write(to: templates.appendingPathComponent("\(name).mustache"), atomically: true, encoding: .utf8)
        }
        let theme = try Theme(folder: folder)
        let catalog = try Fixture.shop()
        let pages = PageContext(catalog: catalog, plan: SitePlan(catalog), index: CatalogIndex(catalog))
        #expect(try theme.render(pages.indexPage()) == "<h1>\(catalog.title)</h1>\n")

        let bad = templates.appendingPathComponent("table.mustache")
        try "<h1>{{name}}</h1>\n{{#columns}}\n<p>{{name}}</p>\n".write(to: bad, atomically: true, encoding: .utf8)
        #expect(throws: RenderError(.templateInvalid(path: bad.path, message: "line 2, column 4: `{{#columns}}` is never closed"))) {
            try Theme(folder: folder)
        }
    }
}
