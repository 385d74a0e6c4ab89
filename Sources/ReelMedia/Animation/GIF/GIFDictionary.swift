/// The LZW string table of a GIF frame with 8-bit symbols: codes 0–255 are single pixels, 256 is
/// clear, 257 end of information, and 258–4095 strings added as the encoder goes.
///
/// Each string is stored as (prefix code, last symbol). A dense 4096×256 table answers "does prefix +
/// symbol exist" in one read; child/sibling links enumerate a string's extensions, which the lossy
/// matcher needs. A class with manually allocated buffers so the hot loop runs without copy-on-write
/// checks or per-pixel allocations, even in debug builds; one instance is used by one encode call.
final class GIFDictionary {
    static let clearCode = 256
    static let endCode = 257
    static let firstFree = 258
    static let capacity = 4096

    /// `extension[prefix * 256 + symbol]`: the code of that string, or 0 when absent.
    private let extensions: UnsafeMutablePointer<UInt16>
    /// First code extending a code, 0 when none; then each extension's next sibling.
    let firstChild: UnsafeMutablePointer<UInt16>
    let nextSibling: UnsafeMutablePointer<UInt16>
    /// The last symbol of each added code's string, and its prefix.
    let lastSymbol: UnsafeMutablePointer<UInt8>
    private let prefix: UnsafeMutablePointer<UInt16>
    /// The code the next added string gets.
    private(set) var nextCode = GIFDictionary.firstFree

    init() {
        extensions = .allocate(capacity: Self.capacity * 256)
        extensions.initialize(repeating: 0, count: Self.capacity * 256)
        firstChild = .allocate(capacity: Self.capacity)
        firstChild.initialize(repeating: 0, count: Self.capacity)
        nextSibling = .allocate(capacity: Self.capacity)
        nextSibling.initialize(repeating: 0, count: Self.capacity)
        lastSymbol = .allocate(capacity: Self.capacity)
        lastSymbol.initialize(repeating: 0, count: Self.capacity)
        prefix = .allocate(capacity: Self.capacity)
        prefix.initialize(repeating: 0, count: Self.capacity)
    }

    deinit {
        extensions.deallocate()
        firstChild.deallocate()
        nextSibling.deallocate()
        lastSymbol.deallocate()
        prefix.deallocate()
    }

    var isFull: Bool { nextCode >= Self.capacity }

    /// Forgets every added string (what a clear code tells the decoder). Only the entries actually
    /// set are undone, so a reset costs what the strings cost, not the 2 MB table.
    func reset() {
        for code in Self.firstFree..<nextCode {
            extensions[Int(prefix[code]) << 8 | Int(lastSymbol[code])] = 0
        }
        firstChild.update(repeating: 0, count: nextCode)
        nextCode = Self.firstFree
    }

    /// The code for string(`code`) + `symbol`, or 0 when that string is not in the table.
    @inline(__always)
    func code(extending code: Int, with symbol: Int) -> Int {
        Int(extensions[code << 8 | symbol])
    }

    /// Adds string(`code`) + `symbol` under the next free code; does nothing once the table is full.
    func add(extending code: Int, with symbol: Int) {
        guard nextCode < Self.capacity else { return }
        let new = nextCode
        extensions[code << 8 | symbol] = UInt16(new)
        prefix[new] = UInt16(code)
        lastSymbol[new] = UInt8(symbol)
        nextSibling[new] = firstChild[code]
        firstChild[code] = UInt16(new)
        nextCode += 1
    }
}
