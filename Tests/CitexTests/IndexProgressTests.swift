import Citex
import Testing

@Test func progressBarShowsFilesRateAndTimeLeft() {
    let progress = IndexProgress(filesDone: 50, filesTotal: 200, bytesDone: 10 << 20, bytesTotal: 40 << 20, elapsed: 2)
    #expect(progress.bar(width: 8) == "[##······]  50/200 files  5.0 MB/s  0:06 left")
}

@Test func progressBarEstimatesOnlyOnceThereIsARate() {
    let start = IndexProgress(filesDone: 0, filesTotal: 3, bytesDone: 0, bytesTotal: 100, elapsed: 0)
    #expect(start.bar(width: 4) == "[····]  0/3 files  0.0 MB/s  estimating…")
    let long = IndexProgress(filesDone: 1, filesTotal: 1000, bytesDone: 1 << 20, bytesTotal: 4000 << 20, elapsed: 1)
    #expect(long.bar(width: 4).hasSuffix("1:06:39 left"))
}
