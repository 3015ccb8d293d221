import ArgumentParser
import Snippets

extension OutputFormat: ExpressibleByArgument {}
extension ColorChoice: ExpressibleByArgument {}
extension ReferenceStyle: ExpressibleByArgument {}
