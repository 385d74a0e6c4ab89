import Testing

@Test func placeholderReelStoreTests() {}
