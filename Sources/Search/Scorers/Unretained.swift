/// A reference the per-candidate loops call without retaining it, kept in raw buffers
/// beside an array that owns the objects for as long as the buffer is used.
///
/// Calling a class reference loaded from an array (or from an `unowned(unsafe)` field)
/// costs a retain and a release whenever the compiler cannot prove the storage unchanged
/// during the call; in the candidate loops that was a sixth of a query's instructions.
/// `Unmanaged`'s guaranteed reference skips both.
struct Unretained<Object: AnyObject> {
    private let reference: Unmanaged<Object>

    init(_ object: Object) {
        reference = .passUnretained(object)
    }

    /// Runs `body` with the object, which the owner keeps alive meanwhile.
    @inline(__always)
    func with<Result>(_ body: (Object) -> Result) -> Result {
        reference._withUnsafeGuaranteedRef(body)
    }
}
