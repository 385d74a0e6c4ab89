import Testing

@Test func placeholderReelCLITests() {}
