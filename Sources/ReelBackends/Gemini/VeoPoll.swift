/// The life of one Veo operation after it started, as a value: each poll's answer gives the next
/// action — poll again after a growing wait, download the clip, or fail (Google's error, or a
/// responsible-AI filter as `.refused` with its reasons). Tested without I/O.
struct VeoPoll: Sendable {
    enum Action: Equatable {
        case poll(after: Duration, note: String)
        case download(uri: String)
        case fail(BackendError.Code, String)
    }

    let model: String
    private var backoff: PollBackoff

    init(interval: Duration, maxInterval: Duration, model: String) {
        self.model = model
        self.backoff = PollBackoff(interval: interval, maxInterval: maxInterval)
    }

    mutating func action(after operation: GeminiWire.Operation) -> Action {
        guard operation.done == true else { return .poll(after: backoff.next(), note: "Veo is making the clip") }
        if let error = operation.error {
            let failure = GeminiErrors.error(ofOperation: error, model: model)
            return .fail(failure.code, failure.message)
        }
        let response = operation.response?.generateVideoResponse
        if let uri = response?.generatedSamples?.lazy.compactMap({ $0.video?.uri }).first {
            return .download(uri: uri)
        }
        if (response?.raiMediaFilteredCount ?? 0) > 0 || !(response?.raiMediaFilteredReasons ?? []).isEmpty {
            let reasons = (response?.raiMediaFilteredReasons ?? []).joined(separator: "; ")
            let refusal = GeminiErrors.refusal(
                "Veo's safety filter removed the clip (\(model)): \(reasons.isEmpty ? "no reason given" : reasons)",
                status: nil)
            return .fail(.refused, refusal.message)
        }
        return .fail(.badResponse, "Veo finished without a clip or a reason (\(model)); make again")
    }
}
