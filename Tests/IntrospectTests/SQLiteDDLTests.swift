import Catalog
import Testing
@testable import Introspect

@Suite("Reading facts out of stored CREATE statements")
struct SQLiteDDLTests {
    @Test func indexPartsAndPredicate() {
        let shape = SQLiteDDL.indexShape(#"CREATE INDEX "i(1)" ON "t (x)" (lower("a,b"), c DESC) WHERE c > 0 AND d IN (1, 2)"#)
        #expect(shape == SQLiteDDL.IndexShape(parts: [#"lower("a,b")"#, "c DESC"], predicate: "c > 0 AND d IN (1, 2)"))
    }

    @Test func commentsAndStringsDoNotConfuseTheScanner() {
        let shape = SQLiteDDL.indexShape("CREATE INDEX i ON t /* ( */ (a -- )\n, 'x)' || b)")
        // The comma after the comment is a real separator; the parenthesis inside the comment is not.
        #expect(shape?.parts == ["a", "'x)' || b"])
        #expect(shape?.predicate == nil)
    }

    @Test func generatedExpressionsByColumnName() {
        let sql = """
            CREATE TABLE t (
              a INT,
              "b c" TEXT GENERATED ALWAYS AS (upper(a || ',')) STORED,
              [d] AS (a * 2),
              e TEXT CHECK (e <> 'AS (x)')
            )
            """
        #expect(SQLiteDDL.generatedExpressions(sql) == [ExactName("b c"): "upper(a || ',')", ExactName("d"): "a * 2"])
    }
}
