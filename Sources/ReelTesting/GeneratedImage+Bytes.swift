import Foundation
import ReelKit

extension GeneratedImage {
    /// The encoded bytes, read from the file when the image is one, for tests that look at what a
    /// backend returned; empty when the file cannot be read (which then fails to decode). Setting
    /// it replaces the content with those bytes.
    public var data: Data {
        get { (try? bytes()) ?? Data() }
        set { content = .data(newValue) }
    }
}
