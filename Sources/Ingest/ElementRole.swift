/// What an element means to the block collector, decided by the HTML or XML front end.
enum ElementRole: Equatable {
    /// Text joins the current block (`b`, `span`, `a`, unknown elements inside text).
    case inline
    /// Starts and ends a block (`p`, `li`, `div`, `para`).
    case block
    /// A heading with an explicit level (`h1`…`h6`).
    case heading(Int)
    /// A section title whose level is the depth of the enclosing sections (XML `title`, `head`).
    case sectionTitle
    /// A section whose end closes its headings (DocBook `section`, TEI `div`, Atom `entry`).
    case section
    /// Whitespace and line breaks are kept (`pre`, `programlisting`).
    case preformatted
    /// A table row: its cells become one block, cells joined by " — ".
    case row
    case cell
    /// `<br>`, `<lb/>`: a space inside a block.
    case lineBreak
    /// The document's title (`<title>` in the HTML head).
    case documentTitle
    /// The whole subtree is dropped (scripts, chrome, hidden elements, metadata).
    case skip
}
