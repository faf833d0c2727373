/// The licence named in site.yml, and its address when it is one Trellis knows.
enum Licence {
    /// The address of a well-known licence ("Open Government Licence v3.0"), else nil.
    static func url(_ name: String) -> String? {
        let lower = name.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") { return name }
        let letters = String(lower.unicodeScalars.filter { ("a"..."z").contains($0) || ("0"..."9").contains($0) }.map(Character.init))
        if letters.contains("opengovernmentlicence") || letters.hasPrefix("ogl") {
            let version = [1, 2].first { letters.hasSuffix("v\($0)") || letters.hasSuffix("v\($0)0") || letters.hasSuffix("version\($0)") } ?? 3
            return "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/\(version)/"
        }
        if ["ccby40", "creativecommonsattribution40", "creativecommonsattribution40international", "ccby40international"].contains(letters) {
            return "https://creativecommons.org/licenses/by/4.0/"
        }
        if letters.hasPrefix("cc0") { return "https://creativecommons.org/publicdomain/zero/1.0/" }
        return nil
    }
}
