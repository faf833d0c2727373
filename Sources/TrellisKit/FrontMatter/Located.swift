/// A value from front matter with the place it was written, for errors found later.
public struct Located<Value: Hashable & Sendable>: Hashable, Sendable {
    public var value: Value
    public var location: SourceLocation

    /// A value and its place.
    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}
