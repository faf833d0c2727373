import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An XML document read by Foundation's XMLParser into plain elements, so tests can check that
/// the SVG, Atom and sitemap Trellis writes are well-formed and hold what they should.
final class XMLTree: NSObject, XMLParserDelegate {
    /// One element: its name, attributes, text and children.
    final class Element {
        let name: String
        let attributes: [String: String]
        var text = ""
        var children: [Element] = []

        init(name: String, attributes: [String: String]) {
            self.name = name
            self.attributes = attributes
        }

        /// Children named `name`.
        func all(_ name: String) -> [Element] { children.filter { $0.name == name } }

        /// The first child named `name`.
        func first(_ name: String) -> Element? { children.first { $0.name == name } }

        /// This element and every element under it, depth first.
        var descendants: [Element] { [self] + children.flatMap(\.descendants) }
    }

    struct ParseError: Error, CustomStringConvertible {
        var description: String
    }

    private var stack: [Element] = []
    private(set) var root: Element?

    /// Parses `text`; throws when it is not well-formed XML.
    static func parse(_ text: String) throws -> Element {
        let tree = XMLTree()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = tree
        guard parser.parse(), let root = tree.root else {
            throw ParseError(description: "not well-formed: \(parser.parserError.map { "\($0)" } ?? "no root") at line \(parser.lineNumber)")
        }
        return root
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        let element = Element(name: name, attributes: attributes)
        stack.last?.children.append(element)
        if stack.isEmpty { root = element }
        stack.append(element)
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        stack.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        stack.last?.text += string
    }
}
