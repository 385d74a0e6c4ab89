import Foundation
import ReelStore
import Testing

@Suite struct StoreMetaTests {
    @Test func setsReplacesAndRemovesValues() throws {
        try withStore { store throws in
            #expect(try store.meta(.filmHash) == nil)
            try store.setMeta("abc", for: .filmHash)
            try store.setMeta("2025-06-15T10:00:00Z", for: .lastMake)
            try store.setMeta("def", for: .filmHash)
            #expect(try store.meta(.filmHash) == "def")
            #expect(try store.meta("make.last") == "2025-06-15T10:00:00Z")
            try store.setMeta(nil, for: .filmHash)
            #expect(try store.meta(.filmHash) == nil)
            #expect(try store.meta(.lastMake) == "2025-06-15T10:00:00Z")
        }
    }
}
