import Testing

@Test func placeholderReelEngineTests() {}
