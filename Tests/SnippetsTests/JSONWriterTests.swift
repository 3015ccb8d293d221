import Snippets
import Testing

@Test func writesKeysInOrderWithNullsAndEscapes() {
    var json = JSONWriter()
    json.beginObject()
    json.key("b"); json.string("say \"hi\"\n\u{1}")
    json.key("a"); json.string(nil)
    json.key("list"); json.beginArray(); json.int(1); json.double(2.5); json.double(3); json.endArray()
    json.key("empty"); json.beginObject(); json.endObject()
    json.key("s"); json.strings(["x", "y"])
    json.endObject()
    #expect(json.output == #"{"b":"say \"hi\"\n\u0001","a":null,"list":[1,2.5,3],"empty":{},"s":["x","y"]}"#)
}

@Test func escapesLineSeparatorsAndKeepsOtherTextWhole() {
    var json = JSONWriter()
    json.string("a\u{2028}b\u{2029}c “é” \\ end\u{1F}")
    #expect(json.output == #""a\u2028b\u2029c “é” \\ end\u001f""#)
}

/// Integers are written digit by digit without `String`: every magnitude, both signs, the
/// extremes, and `null`, must read as `String(number)` would.
@Test func integersAreWrittenAsTheirDecimalText() {
    let numbers = [0, 7, -7, 10, 99, 100, -100, 1_234_567_890, Int.max, Int.min, Int.min + 1]
    var json = JSONWriter()
    json.beginArray()
    for number in numbers { json.int(number) }
    json.int(nil)
    json.endArray()
    #expect(json.output == "[" + numbers.map(String.init).joined(separator: ",") + ",null]")
}
