import Foundation
import Testing
@testable import Describe

/// What `Redactor` takes out of any text a model server returned before it is logged, stored or raised.
@Suite("Redacting secrets from messages")
struct RedactionTests {
    let redact = Redactor(secrets: ["plain-key-7Hq2Lm9"])

    @Test(arguments: [
        ("Incorrect API key provided: plain-key-7Hq2Lm9.", "Incorrect API key provided: [redacted]."),
        (#"{"headers": {"Authorization": "Bearer abc.def-123", "X-Api-Key": "xyz-987"}}"#,
         #"{"headers": {"Authorization": "[redacted]", "X-Api-Key": "[redacted]"}}"#),
        ("{'authorization': 'Bearer abc'}", "{'authorization': '[redacted]'}"),
        ("Authorization: Basic dXNlcjpwYXNz\nnext line", "Authorization: [redacted]\nnext line"),
        ("x-api-key=sk-ant-api03-AbCdEf", "x-api-key=[redacted]"),
        ("a token bearer eyJhbGciOiJIUzI1NiJ9.e30.sig in prose", "a token bearer [redacted] in prose"),
        ("could not connect to https://proxy-user:pr0xy-pass@proxy.example/v1", "could not connect to https://[redacted]@proxy.example/v1"),
        ("keys sk-proj-AbCdEfGh12 and sk-ant-api03-xYz_9876-q leaked", "keys [redacted] and [redacted] leaked"),
        // Words that merely contain the shapes are left alone.
        ("the task-force asked sk-1 about authorization rules", "the task-force asked sk-1 about authorization rules"),
    ])
    func takesOutTheKeyAndAnythingShapedLikeOne(text: String, expected: String) {
        #expect(redact(text) == expected)
    }

    @Test func anExcerptIsRedactedBeforeItIsCutSoNoPartOfAKeySurvivesTheCut() {
        let body = String(repeating: "x", count: 195) + " plain-key-7Hq2Lm9 and more"
        let excerpt = redact.excerpt(Data(body.utf8))
        #expect(!excerpt.contains("plain-") && excerpt.hasSuffix("…"))
        #expect(excerpt.count <= Redactor.excerptLength + 1)
        #expect(redact.excerpt(Data("line one\n  line two".utf8)) == "line one line two")
    }
}
