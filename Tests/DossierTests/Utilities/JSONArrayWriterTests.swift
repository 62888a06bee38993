import Testing

@testable import DossierUtilities

/// `JSONText.ArrayWriter` writes, element by element, exactly what `pretty` writes for the
/// whole array.
@Suite struct JSONArrayWriterTests {
    static let elements: [JSONText.Value] = [
        .object([("id", .string("EX-1")), ("tags", .array([.string("a"), .string("b\"c")])), ("extra", .object([]))]),
        .object([("id", .string("EX-2")), ("hours", .double(1.5)), ("open", .bool(true)), ("due", .null)]),
        .array([]), .int(3), .string("线\n"),
    ]

    @Test(arguments: 0...5) func theSameTextAsPretty(_ count: Int) {
        let elements = Array(Self.elements.prefix(count))
        var writer = JSONText.ArrayWriter()
        for element in elements { writer.append(element) }
        #expect(writer.finish(suffix: "\n") == JSONText.pretty(.array(elements)) + "\n")
        #expect(writer.finish() == "[]")  // a new, empty array after
    }
}
