/// Where a problem is: a file relative to the site folder, and a 1-based line and column.
public struct SourceLocation: Hashable, Sendable, Comparable {
    public var file: String
    public var line: Int
    public var column: Int

    /// A place in a file; line and column start at 1 (0 means "the whole file").
    public init(file: String, line: Int = 0, column: Int = 0) {
        self.file = file
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }

    /// `PATH:LINE:COLUMN`, or `PATH` alone when the problem is the whole file.
    public var description: String {
        line > 0 ? "\(file):\(line):\(max(column, 1))" : file
    }
}

/// How serious a diagnostic is: errors stop the build, warnings do not.
public enum Severity: String, Hashable, Sendable, Comparable {
    case warning
    case error

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .warning && rhs == .error }
}

/// One problem found in a site, with its place and, where one exists, what to write instead.
public struct Diagnostic: Error, Hashable, Sendable {
    public var severity: Severity
    public var code: DiagnosticCode
    public var message: String
    public var location: SourceLocation?
    /// A fix to show on the lines after the message, for example the block to write instead.
    public var suggestion: String?

    /// A diagnostic; `suggestion` is printed on its own indented lines under the message.
    public init(_ severity: Severity, _ code: DiagnosticCode, _ message: String, at location: SourceLocation?, suggestion: String? = nil) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
        self.suggestion = suggestion
    }

    /// An error at a place.
    public static func error(_ code: DiagnosticCode, _ message: String, at location: SourceLocation?, suggestion: String? = nil) -> Diagnostic {
        Diagnostic(.error, code, message, at: location, suggestion: suggestion)
    }

    /// A warning at a place.
    public static func warning(_ code: DiagnosticCode, _ message: String, at location: SourceLocation?, suggestion: String? = nil) -> Diagnostic {
        Diagnostic(.warning, code, message, at: location, suggestion: suggestion)
    }

    /// Compiler style: `PATH:LINE:COLUMN: error: MESSAGE`, then any suggestion indented.
    public var formatted: String {
        var text = location.map { "\($0.description): " } ?? "trellis: "
        text += "\(severity.rawValue): \(message)"
        if let suggestion {
            for line in suggestion.split(separator: "\n", omittingEmptySubsequences: false) {
                text += "\n    " + line
            }
        }
        return text
    }
}

extension Array where Element == Diagnostic {
    /// Whether any of these stops a build.
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// Sorted by file, line and column, then message, so reports are stable.
    public func sortedForReport() -> [Diagnostic] {
        sorted {
            let left = $0.location ?? SourceLocation(file: "")
            let right = $1.location ?? SourceLocation(file: "")
            if left != right { return left < right }
            return ($0.severity.rawValue, $0.message) < ($1.severity.rawValue, $1.message)
        }
    }
}
