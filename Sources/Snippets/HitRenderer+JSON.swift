extension HitRenderer {
    /// `{"qid"?, "query", "total", "took_ms", "hits": [...]}` on one line.
    func json(_ page: ResultPage) -> JSONWriter {
        var json = JSONWriter()
        json.beginObject()
        if let qid = page.qid { json.key("qid"); json.string(qid) }
        json.key("query"); json.string(page.query)
        json.key("total"); json.int(page.total)
        json.key("took_ms"); json.double(page.tookMilliseconds)
        json.key("hits")
        json.beginArray()
        for hit in page.hits { Self.writeHit(hit, to: &json) }
        json.endArray()
        json.endObject()
        return json
    }

    /// One hit with its query, for streaming (`jsonl`).
    func jsonLine(_ page: ResultPage, _ hit: CitedHit) -> [UInt8] {
        var json = JSONWriter()
        json.beginObject()
        if let qid = page.qid { json.key("qid"); json.string(qid) }
        json.key("query"); json.string(page.query)
        Self.writeHitMembers(hit, to: &json)
        json.endObject()
        return json.bytes
    }

    private static func writeHit(_ hit: CitedHit, to json: inout JSONWriter) {
        json.beginObject()
        writeHitMembers(hit, to: &json)
        json.endObject()
    }

    private static func writeHitMembers(_ hit: CitedHit, to json: inout JSONWriter) {
        json.key("rank"); json.int(hit.rank)
        json.key("score"); json.double(hit.score)
        json.key("id"); json.string(hit.passage.id.description)
        json.key("path"); json.string(hit.document.path)
        json.key("title"); json.string(hit.document.title)
        json.key("url"); json.string(hit.document.url)
        json.key("section"); json.strings(hit.passage.section)
        json.key("line"); json.int(hit.passage.line)
        json.key("anchor"); json.string(hit.passage.anchor)
        json.key("text"); json.string(hit.passage.text)
        json.key("snippet"); json.string(utf8: hit.snippet.utf8)
        json.key("highlights")
        json.beginArray()
        for span in hit.snippet.highlights {
            json.beginArray(); json.int(span.lowerBound); json.int(span.upperBound); json.endArray()
        }
        json.endArray()
    }
}
