import Testing

@Test func placeholderReelBackendsTests() {}
