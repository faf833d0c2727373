import FuzzDriver
import TrellisKit

// Front matter: the bytes are read as a Content/ file (UTF-8, BOM, line endings), their YAML
// decoded as each kind of document and as site.yml. A crash, a hang (-timeout) or a sanitizer
// report is a finding; diagnostics are the expected answer to bad input.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFrontMatter(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    FuzzEntry.frontMatter(bytes)
    return 0
}

@_cdecl("FuzzFrontMatter_main")
public func fuzzFrontMatterMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    fuzz_driver_run(argc, argv, fuzzFrontMatter)
}
