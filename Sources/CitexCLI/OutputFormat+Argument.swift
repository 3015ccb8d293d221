import ArgumentParser
import Citex
import Snippets

/// An option whose values are the raw strings of an enum's cases.
///
/// ArgumentParser computes every option's value list and help descriptions while parsing,
/// through generic code (`String(describing:)`, `defaultValueDescription` per case) that cost
/// about 1.5 M instructions of a 37 M cold `citex search`; these specialised versions give
/// the same strings directly.
protocol RawValueArgument: ExpressibleByArgument, CaseIterable, RawRepresentable where RawValue == String {}

extension RawValueArgument {
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
    /// The cases have no descriptions beyond their names (ArgumentParser's default finds none either).
    public static var allValueDescriptions: [String: String] { [:] }
    public var defaultValueDescription: String { rawValue }
}

extension OutputFormat: RawValueArgument {}
extension ColorChoice: RawValueArgument {}
extension ReferenceStyle: RawValueArgument {}
extension ExtractFormat: RawValueArgument {}
