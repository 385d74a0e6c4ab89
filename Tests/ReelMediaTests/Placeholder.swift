import Testing

@Test func placeholderReelMediaTests() {}
