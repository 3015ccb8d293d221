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
