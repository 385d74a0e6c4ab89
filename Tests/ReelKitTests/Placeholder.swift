import Testing

@Test func placeholderReelKitTests() {}
